#!/usr/bin/env bash
# Files at disk speed: for a workforce of N rows (1 000 000 by default) drawn by `segur population`, times
# the reader alone (`segur simuler --lecteur-seul`) and `segur simuler` end to end, for CSV and Parquet
# inputs, without detailed output and with a CSV or Parquet output; prints rows/s, the ratio to the reader
# alone and the maximum RSS (/usr/bin/time). Then, unless SANS_NATIONAL=1, the national run: 2 000 000
# workers × 72 months (2019-01..2024-12) with a synthesis, wall time, CPU time and RSS. Figures, not tests.
# Usage: bench/fichiers.sh [N] [PERIODE]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-1000000}"
period="${2:-2024-01..2024-12}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bin="$work/bin"

echo "# machine : $(nproc) cœurs, charge $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build -c Release "$here/src/Segur.Cli" -o "$bin" >/dev/null
segur() { dotnet "$bin/segur.dll" "$@"; }

for ext in csv parquet; do segur population --taille "$n" --sortie "$work/effectifs.$ext" >/dev/null; done

# run LABEL ARGS… : one timed run; sets secs (wall), cpu (user+sys) and rss (Mo).
run() {
  local label="$1"; shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" dotnet "$bin/segur.dll" "$@" >/dev/null 2>"$work/err" \
    || { echo "$label : échec"; cat "$work/err"; exit 1; }
  read -r secs user sys rss_kb < "$work/time"
  cpu=$(echo "$user + $sys" | bc)
  rss=$((rss_kb / 1024))
}

printf '%-34s %9s %8s %12s %10s %8s\n' "mesure" "mur (s)" "CPU (s)" "lignes/s" "/lecture" "RSS Mo"
for ext in csv parquet; do
  run "lecture seule $ext" simuler "$work/effectifs.$ext" --periode "$period" --lecteur-seul
  reader=$secs
  printf '%-34s %9s %8s %12.0f %10s %8s\n' "lecture seule $ext" "$secs" "$cpu" "$(echo "$n / $secs" | bc -l)" "1,00" "$rss"
  for out in "" csv parquet; do
    label="simuler $ext"; args=()
    if [ -n "$out" ]; then label="simuler $ext → $out"; args=(--sortie "$work/resultats.$out"); fi
    run "$label" simuler "$work/effectifs.$ext" --periode "$period" "${args[@]}"
    printf '%-34s %9s %8s %12.0f %10.2f %8s\n' "$label" "$secs" "$cpu" "$(echo "$n / $secs" | bc -l)" "$(echo "$secs / $reader" | bc -l)" "$rss"
  done
done

if [ "${SANS_NATIONAL:-0}" != 1 ]; then
  segur population --taille 2000000 --sortie "$work/france.parquet" >/dev/null
  run "national" simuler "$work/france.parquet" --periode 2019-01..2024-12 --synthese "$work/synthese.json"
  echo "# national : 2 000 000 travailleurs × 72 mois = 144 000 000 personnes-mois : ${secs} s au mur, ${cpu} s de CPU ($(echo "$cpu / $secs" | bc -l | cut -c1-4) cœurs en moyenne), RSS max ${rss} Mo"
fi
echo "# charge en fin de mesure : $(cut -d' ' -f1-3 /proc/loadavg)"

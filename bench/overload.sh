#!/usr/bin/env bash
# Overload measurement of the web server, on loopback only and bounded in time (figures, never a test).
# Starts `segur serveur` (Release) on a free port with a fresh data folder, then, in the same run, runs wrk
# for DUREE seconds at 16, 64 and 256 connections on GET / (the static home page, the baseline) and on
# POST /api/verifier (one month, bench/verifier.lua), and prints answers/s, 2xx/s, p50/p99 of every answer
# (wrk) and of the 2xx answers alone (bench/statuts.lua), statuses, server RSS, and the 2xx rate's ratio to
# GET / at the same number of connections.
# Usage: bench/overload.sh [DUREE=10] ; needs wrk (Debian package) and the .NET SDK.
set -euo pipefail
duree="${1:-10}"
serveur_options=()
source "$(dirname "$0")/serveur.sh"
rss() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status"; }
hwm() { awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status"; }
run() { # $1 connections, $2 script, $3 url -> "req/s ok busy other p50 p99 p50_ok p99_ok rss errors"
  local out line rps
  out="$(wrk -t2 -c"$1" -d"${duree}s" --timeout 10s -s "$2" "$3")"
  rps="$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out")"
  line="$(grep '^RESULTAT' <<<"$out")"
  get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  echo "$rps $(get ok) $(get busy) $(get other) $(get p50) $(get p99) $(get p50_ok) $(get p99_ok) $(rss) $(get errors)"
}

echo "# machine : $(nproc) cœurs, charge $(cut -d' ' -f1-3 /proc/loadavg) ; wrk -t2 sur les mêmes cœurs ; ${duree} s par mesure"
echo "# serveur : $(head -n 1 "$work/serveur.log")"
wrk -t2 -c4 -d3s -s "$here/bench/statuts.lua" "$base/" >/dev/null
wrk -t2 -c4 -d3s -s "$here/bench/verifier.lua" "$base/api/verifier" >/dev/null
printf "| requête | connexions | réponses/s | 2xx/s | p50 (ms) | p99 (ms) | p50 2xx (ms) | p99 2xx (ms) | 2xx | 503 | autres | erreurs | RSS (Mo) | 2xx/s ÷ GET / |\n"
printf "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
for c in 16 64 256; do
  read -r g_rps g_ok g_busy g_other g_p50 g_p99 g_p50a g_p99a g_rss g_err < <(run "$c" "$here/bench/statuts.lua" "$base/")
  read -r v_rps v_ok v_busy v_other v_p50 v_p99 v_p50a v_p99a v_rss v_err < <(run "$c" "$here/bench/verifier.lua" "$base/api/verifier")
  g_2xx="$(awk -v n="$g_ok" -v d="$duree" 'BEGIN {printf "%.0f", n / d}')"
  v_2xx="$(awk -v n="$v_ok" -v d="$duree" 'BEGIN {printf "%.0f", n / d}')"
  ratio="$(awk -v a="$v_2xx" -v b="$g_2xx" 'BEGIN {if (b > 0) printf "%.1f %%", 100 * a / b; else printf "-"}')"
  printf "| GET / | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | 100 %% |\n" "$c" "$g_rps" "$g_2xx" "$g_p50" "$g_p99" "$g_p50a" "$g_p99a" "$g_ok" "$g_busy" "$g_other" "$g_err" "$g_rss"
  printf "| POST /api/verifier | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n" "$c" "$v_rps" "$v_2xx" "$v_p50" "$v_p99" "$v_p50a" "$v_p99a" "$v_ok" "$v_busy" "$v_other" "$v_err" "$v_rss" "$ratio"
done
echo "# RSS maximal du serveur pendant la mesure : $(hwm) Mo"

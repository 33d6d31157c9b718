#!/usr/bin/env bash
# The API's own cost, on loopback only and bounded in time (figures, never a test). Starts `segur serveur`
# (Release) on a free port with --sans-limites (no 503 from the evaluation queue, so that every answer is a
# computed one), then, in the same run and on the same server, runs wrk for DUREE seconds at CONNEXIONS
# connections on GET / (the static home page, the baseline) and on POST /api/verifier (one month,
# bench/verifier.lua) with ?explication=resume, ?explication=complete and ?contrat=1 (the old form), and prints
# req/s, p50/p99 (wrk, every answer) and of the 2xx alone (bench/statuts.lua), the ratio to GET /, and the size
# of each answer. Targets of issue 14: resume ≥ 25 % of GET / with p99 ≤ 10 ms at 16 connections; complete ≥ 10 %.
# Usage: bench/api.sh [DUREE=10] [CONNEXIONS=16] ; needs wrk (Debian package) and the .NET SDK.
set -euo pipefail
duree="${1:-10}"
conn="${2:-16}"
serveur_options=(--sans-limites)
source "$(dirname "$0")/serveur.sh"
body="$(sed -n "s/^wrk.body = '\(.*\)'$/\1/p" "$here/bench/verifier.lua" | sed 's/@ID@/taille/')"
size() { curl -fs -o /dev/null -w '%{size_download}' -X POST -H 'Content-Type: application/json' --data "$body" "$base$1"; }
run() { # $1 script, $2 url -> "req/s ok p50 p99 p50_ok p99_ok other"
  local out line
  out="$(wrk -t2 -c"$conn" -d"${duree}s" --timeout 10s -s "$1" "$2")"
  line="$(grep '^RESULTAT' <<<"$out")"
  get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  echo "$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out") $(get ok) $(get p50) $(get p99) $(get p50_ok) $(get p99_ok) $(( $(get busy) + $(get other) + $(get errors) ))"
}

echo "# machine : $(nproc) cœurs, $(uptime | sed 's/.*load average/charge/') ; wrk -t2 sur les mêmes cœurs ; ${duree} s par mesure, ${conn} connexions"
echo "# serveur : $(head -n 1 "$work/serveur.log") (--sans-limites)"
# Warm-up: JIT, and the decision cache's first explanation of the month.
wrk -t2 -c4 -d3s -s "$here/bench/statuts.lua" "$base/" >/dev/null
for q in "?explication=resume" "?explication=complete" "?contrat=1"; do wrk -t2 -c4 -d2s -s "$here/bench/verifier.lua" "$base/api/verifier$q" >/dev/null; done
read -r g_rps g_ok g_p50 g_p99 g_p50a g_p99a g_bad < <(run "$here/bench/statuts.lua" "$base/")
printf "| requête | réponses/s | 2xx/s | p50 (ms) | p99 (ms) | p50 2xx (ms) | p99 2xx (ms) | non-2xx | 2xx/s ÷ GET / | octets par réponse |\n"
printf "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
g_2xx="$(awk -v n="$g_ok" -v d="$duree" 'BEGIN {printf "%.0f", n / d}')"
printf "| GET / | %s | %s | %s | %s | %s | %s | %s | 100 %% | %s |\n" "$g_rps" "$g_2xx" "$g_p50" "$g_p99" "$g_p50a" "$g_p99a" "$g_bad" "$(curl -fs -o /dev/null -w '%{size_download}' "$base/")"
for q in "?explication=aucune" "?explication=resume" "?explication=complete" "?contrat=1"; do
  read -r v_rps v_ok v_p50 v_p99 v_p50a v_p99a v_bad < <(run "$here/bench/verifier.lua" "$base/api/verifier$q")
  v_2xx="$(awk -v n="$v_ok" -v d="$duree" 'BEGIN {printf "%.0f", n / d}')"
  ratio="$(awk -v a="$v_2xx" -v b="$g_2xx" 'BEGIN {if (b > 0) printf "%.1f %%", 100 * a / b; else printf "-"}')"
  printf "| POST /api/verifier%s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n" "$q" "$v_rps" "$v_2xx" "$v_p50" "$v_p99" "$v_p50a" "$v_p99a" "$v_bad" "$ratio" "$(size "/api/verifier$q")"
done
echo "# RSS maximal du serveur : $(awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status") Mo"

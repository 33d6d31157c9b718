#!/usr/bin/env bash
# Runs, in the same session, the two peer engines of ../shared/peers (Publicodes, numpy) and segur's batch engine
# in memory, and prints one JSON line per engine and run, then the ratios to numpy. Figures, not tests.
# segur is run twice per repetition: pinned to one core (`taskset -c 0`: the one-core figure) and on every core.
# With REPETITIONS=R (default 1) numpy and both segur runs are repeated R times, interleaved, and the summary gives
# the medians (the machine may be shared: note the load printed at the start and at the end).
# Usage: [REPETITIONS=R] bench/pairs.sh [path/to/peers] [situations]
# Needs: node and npm (Publicodes), Debian's python3-numpy (numpy), taskset (util-linux). Missing peers are reported, not faked.
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
peers="${1:-$here/../shared/peers}"
n="${2:-1000000}"
reps="${REPETITIONS:-1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "# machine: $(nproc) cœurs, charge $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -f "$peers/publicodes/bench.mjs" ] && command -v npm >/dev/null; then
  cp -r "$peers/publicodes" "$work/publicodes"
  (cd "$work/publicodes" && npm install --silent --no-audit --no-fund >/dev/null 2>&1 && node bench.mjs 20000) \
    || echo '{"engine": "publicodes", "erreur": "npm install ou exécution en échec"}'
else
  echo '{"engine": "publicodes", "erreur": "node/npm absents ou pairs introuvables"}'
fi
dotnet build -c Release "$here/src/Segur.Cli" >/dev/null || { echo '{"engine": "segur", "erreur": "compilation en échec"}'; exit 1; }
segur=(dotnet "$here/src/Segur.Cli/bin/Release/net10.0/segur.dll" bench --personnes "$n" --sans-fichiers --format json)
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
havenumpy=0
[ -f "$peers/numpy/bench.py" ] && /usr/bin/python3 -c 'import numpy' 2>/dev/null && havenumpy=1
for r in $(seq 1 "$reps"); do
  if [ "$havenumpy" = 1 ]; then
    /usr/bin/python3 "$peers/numpy/bench.py" "$n" | tee -a "$work/numpy.jsonl"
    # The same script, its clock replaced by the CPU time of its thread (numpy runs these operations on one
    # thread): a figure the machine's load disturbs less, to set against segur's own CPU-time figure.
    /usr/bin/python3 -c 'import runpy, sys, time; time.perf_counter = time.thread_time; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name="__main__")' \
      "$peers/numpy/bench.py" "$n" | sed 's/"numpy-vectorised"/"numpy-vectorised (temps CPU)"/' | tee -a "$work/numpycpu.jsonl"
  else
    echo '{"engine": "numpy-vectorised", "erreur": "python3-numpy absent (apt-get install python3-numpy) ou pairs introuvables"}'
  fi
  echo "# segur, un cœur (${pin[*]:-sans taskset}), charge $(cut -d' ' -f1-3 /proc/loadavg)"
  "${pin[@]}" "${segur[@]}" | tee -a "$work/segur1.jsonl"
  echo "# segur, tous les cœurs, charge $(cut -d' ' -f1-3 /proc/loadavg)"
  "${segur[@]}" | tee -a "$work/segurN.jsonl"
done
if [ -s "$work/numpy.jsonl" ] && [ -s "$work/segur1.jsonl" ] && [ -s "$work/segurN.jsonl" ]; then
  /usr/bin/python3 - "$work" <<'PY'
import json, statistics, sys
d = sys.argv[1]
def lines(name): return [json.loads(l) for l in open(f"{d}/{name}.jsonl") if l.strip()]
numpy, numpycpu, one, alln = lines("numpy"), lines("numpycpu"), lines("segur1"), lines("segurN")
med = lambda xs: statistics.median(xs)
np_ = med([x["per_second"] for x in numpy])
np_cpu = med([x["per_second"] for x in numpycpu])
one_same = med([x["per_second"] for x in one])
one_drawn = med([x["per_second_quotites_aleatoires"] for x in one])
one_cpu = med([x["per_second_quotites_aleatoires_cpu"] for x in one])
all_drawn = med([x["per_second_tous_coeurs_quotites_aleatoires"] or x["per_second_quotites_aleatoires"] for x in alln])
per_run = [o["per_second_quotites_aleatoires"] / n["per_second"] for n, o in zip(numpy, one)]
print(json.dumps({
    "repetitions": len(numpy),
    "numpy_situations_par_seconde": round(np_),
    "numpy_situations_par_seconde_temps_cpu": round(np_cpu),
    "segur_un_coeur_meme_quotite": round(one_same),
    "segur_un_coeur_quotites_tirees": round(one_drawn),
    "segur_un_coeur_quotites_tirees_temps_cpu": round(one_cpu),
    "segur_tous_coeurs_quotites_tirees": round(all_drawn),
    "fils_tous_coeurs": alln[0]["fils"],
    "rapport_numpy_un_coeur_quotites_tirees": round(one_drawn / np_, 1),
    "rapport_numpy_un_coeur_quotites_tirees_mediane_des_executions": round(med(per_run), 1),
    "rapport_numpy_un_coeur_quotites_tirees_temps_cpu": round(one_cpu / np_cpu, 1),
    "rapport_numpy_tous_coeurs_quotites_tirees": round(all_drawn / np_, 1),
    "rapport_numpy_un_coeur_meme_quotite": round(one_same / np_, 1),
    "objectifs": "≥ 25 × numpy (quotités tirées) et ≥ 100 M personnes-mois/s sur un cœur",
}, ensure_ascii=False))
PY
fi
echo "# charge en fin de mesure : $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Runs, in the same session, the two peer engines of ../shared/peers (Publicodes, numpy) and segur's
# batch engine, and prints one JSON line per engine with its "per_second" figure. Figures, not tests.
# Usage: bench/pairs.sh [path/to/peers] [situations]
# Needs: node and npm (Publicodes), Debian's python3-numpy (numpy). Missing peers are reported, not faked.
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
peers="${1:-$here/../shared/peers}"
n="${2:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "# machine: $(nproc) cœurs, charge $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -f "$peers/numpy/bench.py" ] && /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
  /usr/bin/python3 "$peers/numpy/bench.py" "$n" | tee "$work/numpy.json"
else
  echo '{"engine": "numpy-vectorised", "erreur": "python3-numpy absent (apt-get install python3-numpy) ou pairs introuvables"}'
fi
if [ -f "$peers/publicodes/bench.mjs" ] && command -v npm >/dev/null; then
  cp -r "$peers/publicodes" "$work/publicodes"
  (cd "$work/publicodes" && npm install --silent --no-audit --no-fund >/dev/null 2>&1 && node bench.mjs 20000) \
    || echo '{"engine": "publicodes", "erreur": "npm install ou exécution en échec"}'
else
  echo '{"engine": "publicodes", "erreur": "node/npm absents ou pairs introuvables"}'
fi
dotnet build -c Release "$here/src/Segur.Cli" >/dev/null
dotnet "$here/src/Segur.Cli/bin/Release/net10.0/segur.dll" bench --personnes "$n" --sans-fichiers --format json | tee "$work/segur.json"
if [ -s "$work/numpy.json" ] && [ -s "$work/segur.json" ]; then
  /usr/bin/python3 - "$work/numpy.json" "$work/segur.json" <<'PY'
import json, sys
numpy = json.load(open(sys.argv[1]))["per_second"]
segur = json.load(open(sys.argv[2]))
print(json.dumps({"rapport_numpy_meme_quotite": round(segur["per_second"] / numpy, 1),
                  "rapport_numpy_quotites_tirees": round(segur["per_second_quotites_aleatoires"] / numpy, 1)}))
PY
fi
echo "# charge en fin de mesure : $(cut -d' ' -f1-3 /proc/loadavg)"

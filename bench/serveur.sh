# Sourced by bench/overload.sh and bench/api.sh: builds `segur` (Release), starts `segur serveur` on a free
# loopback port with a fresh data folder and the options in the array serveur_options (may be empty), waits for /api/sante, and stops the
# server and removes the folder on exit. Sets here, work, pid and base.
command -v wrk >/dev/null || { echo "wrk absent : apt-get install wrk" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet build -c Release "$here/src/Segur.Cli" >/dev/null
dotnet "$here/src/Segur.Cli/bin/Release/net10.0/segur.dll" serveur --port "$port" --donnees "$work" --jeton "bench-$(date +%s)-0123456789" "${serveur_options[@]}" >"$work/serveur.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -fs "$base/api/sante" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$base/api/sante" >/dev/null || { echo "le serveur n'a pas démarré :" >&2; cat "$work/serveur.log" >&2; exit 1; }
export SEGUR_BENCH_DIR="$here/bench"

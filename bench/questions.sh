#!/usr/bin/env bash
# Times « segur question DIR » over 1,000 questions (the size of one year of the open-data dump):
# builds Release, copies the well-formed pages of tests/Segur.Questions.Tests/corpus/ (text and JSON)
# under distinct names until there are N files, then runs the command once to warm up and once timed.
# Usage: bench/questions.sh [N=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000}"
dotnet build src/Segur.Cli -c Release -v quiet -nologo >/dev/null
cli=(dotnet src/Segur.Cli/bin/Release/net10.0/segur.dll)
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
# Only the pages the reader accepts: one unreadable file stops the whole folder by design.
pages=()
while IFS= read -r f; do
  if "${cli[@]}" question "$f" >/dev/null 2>&1; then pages+=("$f"); fi
done < <(find tests/Segur.Questions.Tests/corpus -maxdepth 1 -type f \( -name '*.txt' -o -name '*.json' \) ! -name 'README*' | sort)
[ "${#pages[@]}" -gt 0 ] || { echo "aucune page dans le corpus" >&2; exit 2; }
for ((i = 0; i < n; i++)); do
  p="${pages[i % ${#pages[@]}]}"
  cp "$p" "$dir/$(printf '%04d' "$i")-$(basename "$p")"
done
"${cli[@]}" question "$dir" >/dev/null 2>&1 || true
start=$(date +%s.%N)
"${cli[@]}" question "$dir" >/dev/null 2>&1  # copies of one page share a uid: read, then reported as duplicates
end=$(date +%s.%N)
echo "segur question DIR : $n questions en $(echo "$end - $start" | bc -l | xargs printf '%.2f') s (uptime : $(uptime | sed 's/.*load average: //'))"

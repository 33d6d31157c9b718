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
# Each copy gets its own number (so its own uid: the command sets aside copies of one question): the number of
# the header is replaced, or a « Question écrite n° … » header is added, in the layout of the page.
for ((i = 0; i < n; i++)); do
  p="${pages[i % ${#pages[@]}]}"
  out="$dir/$(printf '%04d' "$i")-$(basename "$p")"
  num=$((90000 + i))
  case "$p" in
    *.json) perl -pe "s/(\"uid\"\s*:\s*\"QANR5L\d+[A-Z]+)\d+\"/\${1}$num\"/; s/(\"numero\"\s*:\s*\")\d+\"/\${1}$num\"/" "$p" > "$out" ;;
    *)
      if grep -q -E '^Question (écrite )?(n° [0-9]+ )?de (M\.|Mme)' "$p"; then
        perl -pe "s/^Question (?:écrite )?(?:n° \d+ )?de /Question écrite n° $num de / if !\$done++" "$p" > "$out"
      elif grep -q -E '^Question (écrite [nN]°|N°) [0-9]+' "$p"; then
        perl -pe "s/^(Question (?:écrite [nN]°|N°)) \d+/\$1 $num/ if !\$done++" "$p" > "$out"
      else
        { printf 'Question écrite n° %s :\n' "$num"; cat "$p"; } > "$out"
      fi ;;
  esac
done
"${cli[@]}" question "$dir" >/dev/null 2>&1 || true
start=$(date +%s.%N)
"${cli[@]}" question "$dir" --format json > "$dir.json" 2>"$dir.err"
end=$(date +%s.%N)
unique=$(grep -c '"uid"' "$dir.json" || true)
dups=$(grep -c 'même question que' "$dir.err" || true)
rm -f "$dir.json" "$dir.err"
echo "segur question DIR : $n questions ($unique analysées, $dups copies écartées) en $(echo "$end - $start" | bc -l | xargs printf '%.2f') s (uptime : $(uptime | sed 's/.*load average: //'))"

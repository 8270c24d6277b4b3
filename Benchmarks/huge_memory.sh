#!/usr/bin/env bash
# Issue #17, acceptance 3: `index build --memory 256` over a 200 MB page and a 100 MB JSONL line peaks at
# most at 300 MB; the long statement is found by a word from its last megabyte; the page is indexed or
# refused with its limit named; a search of the result stays under 200 MB and 200 ms.
#
#   Benchmarks/huge_memory.sh [podium binary] [work folder]
#
# Peak resident sizes are Debian's /usr/bin/time -v "Maximum resident set size".
set -euo pipefail
cd "$(dirname "$0")/.."
podium=${1:-.build/release/podium}
work=${2:-/tmp/podium-huge}
memory=${MEMORY:-256}

[ -f "$work/corpus/long.jsonl" ] || python3 Benchmarks/huge_inputs.py --out "$work" --line-mb 100 --page-mb 200
rm -rf "$work/index"

peak() { grep "Maximum resident" "$1" | awk '{print int($NF / 1024)}'; }
wall() { grep "Elapsed (wall clock)" "$1" | awk '{print $NF}'; }

/usr/bin/time -v "$podium" index build --corpus "$work/corpus" --index "$work/index" --memory "$memory" \
    >"$work/build.out" 2>"$work/build.err" || true
grep -E "^(indexed|skipped)" "$work/build.err" || tail -5 "$work/build.err"
echo "build --memory $memory: peak $(peak "$work/build.err") MB, $(wall "$work/build.err")"

for query in quetzalcoatlite '"hong kong affairs"' 'trade talks'; do
    /usr/bin/time -v "$podium" search "$query" --index "$work/index" >"$work/search.out" 2>"$work/search.err" || true
    hits=$(grep -c "long-statement" "$work/search.out" || true)
    echo "search $query: peak $(peak "$work/search.err") MB, $(wall "$work/search.err"), long statement listed $hits time(s)"
done
grep -q quetzalcoatlite "$work/search.out" 2>/dev/null || true

#!/usr/bin/env bash
# Two builds of podium read the same pages: the statements must be the same, byte for byte.
#
#   Benchmarks/compare_parse.sh OLD_PODIUM NEW_PODIUM [FOLDER]
#
# FOLDER defaults to ../shared/corpus/raw-html (the ministry's pages: issue 13 keeps their split unchanged).
# Each binary runs `parse --format jsonl --jobs 1` over the folder ROUNDS times (default 3), alternating, so
# that both see the same load; the outputs are compared with cmp, and the best wall-clock time of each is
# printed with the ratio NEW / OLD. A field that only NEW writes can be left out of the comparison with
# IGNORE=name,name (jq needed): the values of every field both write must still be equal.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
OLD="$(realpath "$1")"; NEW="$(realpath "$2")"
FOLDER="${3:-$HERE/../../shared/corpus/raw-html}"
ROUNDS="${ROUNDS:-3}"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
best_old=999999; best_new=999999
run() {  # binary output -> seconds
    local start end
    start=$(date +%s.%N)
    "$1" parse "$FOLDER" --format jsonl --jobs 1 >"$2" 2>"$2.err"
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
for _ in $(seq "$ROUNDS"); do
    t=$(run "$OLD" "$WORK/old.jsonl"); best_old=$(echo "if ($t < $best_old) $t else $best_old" | bc)
    t=$(run "$NEW" "$WORK/new.jsonl"); best_new=$(echo "if ($t < $best_new) $t else $best_new" | bc)
done
if [ -n "${IGNORE:-}" ]; then
    filter="del($(echo "$IGNORE" | sed 's/\([^,]*\)/.\1/g'))"
    jq -c "$filter" "$WORK/new.jsonl" >"$WORK/new.cut"; mv "$WORK/new.cut" "$WORK/new.jsonl"
fi
lines=$(wc -l <"$WORK/old.jsonl")
if cmp -s "$WORK/old.jsonl" "$WORK/new.jsonl"; then
    echo "same: $lines statements from $FOLDER, byte for byte"
    status=0
else
    echo "DIFFERENT: first difference below"; cmp "$WORK/old.jsonl" "$WORK/new.jsonl" || true
    diff <(head -c 200000000 "$WORK/old.jsonl") "$WORK/new.jsonl" | head -20
    status=1
fi
echo "old $(tail -1 "$WORK/old.jsonl.err")"
echo "new $(tail -1 "$WORK/new.jsonl.err")"
printf 'best of %s: old %.2f s, new %.2f s, new/old %.3f\n' "$ROUNDS" "$best_old" "$best_new" \
    "$(echo "$best_new / $best_old" | bc -l)"
exit $status

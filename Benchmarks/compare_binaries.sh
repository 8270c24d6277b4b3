#!/usr/bin/env bash
# Two builds of podium, side by side: the same answers, and how many instructions each search takes.
#
#   Benchmarks/compare_binaries.sh OLD_PODIUM NEW_PODIUM
#
# Each binary builds its own indexes of three corpora (so a change of the index format is measured too):
# a generated corpus of $STATEMENTS statements with its 500 scale queries (single, AND, OR, phrase and
# unspaced Chinese runs, as `scale.sh gen` makes them), the bench harness's synthetic press corpus with its 400 queries written the
# way the harness writes them (`+a +b`, `"a b"`), and CISI with its 111 queries. Then:
#   - answers: every query set's top 10 (CISI also top 1000) from `search --batch --format trec`: the same
#     ids at the same ranks, scores within 1e-6 relative (compare_runs.py);
#   - instructions: callgrind totals of each `search --batch` (valgrind counts are repeatable on a busy
#     machine; wall-clock times are not), and the ratio NEW / OLD.
# Environment: WORK (default /tmp/podium-compare), STATEMENTS (default 250000), SHARED (default ../shared
# beside the checkout). Needs valgrind, and the corpus generator (built here if missing).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
OLD="$(realpath "$1")"; NEW="$(realpath "$2")"
WORK="${WORK:-/tmp/podium-compare}"
STATEMENTS="${STATEMENTS:-250000}"
SHARED="${SHARED:-$ROOT/../shared}"
GEN="$HERE/.build/release/podium-corpusgen"
mkdir -p "$WORK/q" "$WORK/runs"
say() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# MARK: - Corpora and queries (made once per WORK)
if [ ! -f "$WORK/scale/.done" ]; then
    [ -x "$GEN" ] || (cd "$HERE" && swift build -c release --product podium-corpusgen >&2)
    say "generating $STATEMENTS statements and the scale queries"
    "$GEN" --statements "$STATEMENTS" --files $(( (STATEMENTS + 9999) / 10000 )) --out "$WORK/scale" >&2
    "$GEN" --queries 100 --out "$WORK/scale" >&2
    touch "$WORK/scale/.done"
fi
if [ ! -f "$WORK/scale/queries/runs.tsv" ]; then
    # A WORK made before the Chinese runs: the query sets are rewritten, the other four as they were.
    [ -x "$GEN" ] || (cd "$HERE" && swift build -c release --product podium-corpusgen >&2)
    "$GEN" --queries 100 --out "$WORK/scale" >&2
fi
if [ ! -f "$WORK/press/docs.jsonl" ]; then
    say "making the synthetic press corpus"
    python3 "$SHARED/bench/make_corpus.py" --source-jsonl "$SHARED/corpus/mfa-presscon.jsonl" \
        --out "$WORK/press" >&2
fi
python3 - "$SHARED/bench" "$WORK" <<'PY'
import shutil, sys
sys.path.insert(0, sys.argv[1])
from peers import query_words  # the harness's own tokenizer, so podium gets the words every engine gets
bench, work = sys.argv[1], sys.argv[2]
def write(src, dst, mode):
    with open(src) as f, open(dst, "w") as out:
        for line in f:
            qid, text = line.rstrip("\n").split("\t", 1)
            words = query_words(text)
            if words:
                q = {"and": " ".join("+" + w for w in words), "phrase": '"' + " ".join(words) + '"'}
                out.write(f"{qid}\t{q.get(mode, ' '.join(words))}\n")
for kind in ("single", "and", "or", "phrase", "runs"):
    shutil.copy(f"{work}/scale/queries/{kind}.tsv", f"{work}/q/scale-{kind}.tsv")
write(f"{work}/press/q_single.tsv", f"{work}/q/press-single.tsv", "or")
write(f"{work}/press/q_two.tsv", f"{work}/q/press-and.tsv", "and")
write(f"{work}/press/q_two.tsv", f"{work}/q/press-or.tsv", "or")
write(f"{work}/press/q_phrase.tsv", f"{work}/q/press-phrase.tsv", "phrase")
write(f"{bench}/data/cisi/queries.tsv", f"{work}/q/cisi.tsv", "or")
PY

# MARK: - Indexes, one set per binary
for side in old new; do
    bin=$OLD; [ "$side" = new ] && bin=$NEW
    say "$side: building the indexes"
    rm -rf "$WORK/ix-$side"
    "$bin" index build --corpus "$WORK/scale" --index "$WORK/ix-$side/scale" >/dev/null 2>&1
    "$bin" index build --corpus "$WORK/press/docs.jsonl" --index "$WORK/ix-$side/press" >/dev/null 2>&1
    "$bin" index build --corpus "$SHARED/bench/data/cisi/docs.jsonl" --index "$WORK/ix-$side/cisi" >/dev/null 2>&1
done

# MARK: - Answers
sets="scale-single scale-and scale-or scale-phrase scale-runs press-single press-and press-or press-phrase cisi"
status=0
for set in $sets cisi-1000; do
    queries=$set limit=10
    [ "$set" = cisi-1000 ] && queries=cisi limit=1000
    for side in old new; do
        bin=$OLD; [ "$side" = new ] && bin=$NEW
        "$bin" search --index "$WORK/ix-$side/${queries%%-*}" --batch "$WORK/q/$queries.tsv" --format trec \
            --limit "$limit" >"$WORK/runs/$set.$side.trec"
    done
    python3 "$HERE/compare_runs.py" "$WORK/runs/$set.old.trec" "$WORK/runs/$set.new.trec" "$set" || status=1
done

# MARK: - Instructions
# valgrind 3.19 cannot read the DWARF 5 debug information of a Swift 6.3 binary: count on stripped copies.
strip -o "$WORK/old.stripped" "$OLD"
strip -o "$WORK/new.stripped" "$NEW"
count() { # count SIDE SET
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$WORK/$1.stripped" search \
        --index "$WORK/ix-$1/${2%%-*}" --batch "$WORK/q/$2.tsv" --format trec --limit 10 2>&1 >/dev/null |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
printf 'set\told instructions\tnew instructions\tnew / old\n'
for set in $sets; do
    [ "$set" = cisi ] && continue
    a=$(count old "$set"); b=$(count new "$set")
    printf '%s\t%s\t%s\t%s\n' "$set" "$a" "$b" "$(python3 -c "print(f'{$b / $a:.4f}')")"
done
exit $status

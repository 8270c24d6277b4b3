#!/usr/bin/env bash
# Staying power of Podium (issue 7): a million statements, long refresh cycles, readers during refreshes,
# a full disk. Release builds; figures go to $WORK/results/ (TSV and JSON) and are printed as they come.
#
#   Benchmarks/scale.sh                 # everything: gen build latency cycles readers disk
#   Benchmarks/scale.sh gen build       # only some parts, in the order given
#   BENCH=DIR Benchmarks/scale.sh peers # the Tantivy comparison (not in "everything": it needs the bench harness)
#
# Parts:
#   gen      generate the 250k and 1M statement corpora and the query sets (podium-corpusgen)
#   build    build each corpus: seconds, peak RSS, segments, index size
#   latency  median top-10 latency of single-term, AND, OR, phrase and Chinese-run queries on each index
#   cycles   100 refresh cycles with random adds, changes and deletes on a 100k-statement index: verify after
#            each; size and answers against a fresh build every 25 cycles
#   readers  4 reader processes query during 20 refreshes; every answer checked against the committed
#            generations; no file left that no commit references
#   disk     a refresh on a full tmpfs (or under `ulimit -f` when mounting is not allowed) fails cleanly,
#            keeps the last commit, and the next refresh with space succeeds
#   peers    Tantivy and podium in the same run: how top-10 latency grows from the smallest to the largest size,
#            by query kind, all queries and English only (peer_scaling.py). Needs the indexes of `build` and
#            BENCH: a writable copy of ../shared/bench set up with its setup.sh (cp -r ../shared/bench DIR &&
#            DIR/setup.sh; then BENCH=DIR). Tantivy indexes and converted inputs go to $WORK/peers/.
#
# Environment: WORK (default /tmp/podium-scale), PODIUM_BIN (default .build/release/podium), SIZES
# (default "250000 1000000"), MEMORY (MB, default 512, the podium default), CYCLES (100), CYCLE_STATEMENTS (100000),
# REFRESHES (20), READERS (4), READER_STATEMENTS (20000), READER_QUERIES (10 of each kind), JOBS (cores),
# BENCH (for peers), ROUNDS (peers: rounds of every engine, size and query kind, default 10).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
WORK="${WORK:-/tmp/podium-scale}"
PODIUM="${PODIUM_BIN:-$ROOT/.build/release/podium}"
GEN="$HERE/.build/release/podium-corpusgen"
TOOLS="python3 $HERE/scale_tools.py"
SIZES="${SIZES:-250000 1000000}"
MEMORY="${MEMORY:-512}"
CYCLES="${CYCLES:-100}"
CYCLE_STATEMENTS="${CYCLE_STATEMENTS:-100000}"
REFRESHES="${REFRESHES:-20}"
READERS="${READERS:-4}"
JOBS="${JOBS:-$(nproc)}"
ROUNDS="${ROUNDS:-10}"
RESULTS="$WORK/results"
mkdir -p "$WORK" "$RESULTS"

say() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { say "error: $*"; exit 1; }

# ensure_binaries PART...: podium, and podium-corpusgen unless the parts only read what exists.
ensure_binaries() {
    if [ ! -x "$PODIUM" ]; then
        say "building podium (release)"
        (cd "$ROOT" && swift build -c release --product podium) >&2
    fi
    local part
    for part in "$@"; do
        case "$part" in build | latency | peers) continue ;; esac
        if [ ! -x "$GEN" ]; then
            say "building podium-corpusgen (release)"
            (cd "$HERE" && swift build -c release --product podium-corpusgen) >&2
        fi
        break
    done
}

has_search() { "$PODIUM" search --help >/dev/null 2>&1; }

# stat_field INDEX FIELD: one number from `podium index stats --format json`.
stat_field() {
    "$PODIUM" index stats --index "$1" --format json | python3 -c "import json,sys; print(json.load(sys.stdin)['$2'])"
}

# timed LOG COMMAND...: runs under /usr/bin/time -v; prints "seconds peak_rss_mb".
timed() {
    local log="$1"; shift
    /usr/bin/time -v "$@" >"$log" 2>&1 || { cat "$log" >&2; die "failed: $*"; }
    python3 - "$log" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1).split(":")
seconds = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
print(f"{seconds:.1f} {rss:.0f}")
PY
}

# MARK: - gen

part_gen() {
    for n in $SIZES; do
        local out="$WORK/corpus-$n"
        if [ -f "$out/.done" ]; then say "corpus $n exists"; continue; fi
        rm -rf "$out"
        say "generating $n statements"
        "$GEN" --statements "$n" --files $(( (n + 9999) / 10000 )) --out "$out"
        touch "$out/.done"
    done
    "$GEN" --queries 100 --out "$WORK"
    say "query sets in $WORK/queries"
}

# MARK: - build

part_build() {
    printf 'statements\tcorpus_mb\tseconds\tmb_per_s\tpeak_rss_mb\tsegments\tindex_mb\n' >"$RESULTS/build.tsv"
    for n in $SIZES; do
        local corpus="$WORK/corpus-$n" index="$WORK/index-$n"
        [ -f "$corpus/.done" ] || die "no corpus $n: run '$0 gen' first"
        rm -rf "$index"
        say "building $n statements (--memory $MEMORY --jobs $JOBS)"
        read -r seconds rss < <(timed "$RESULTS/build-$n.log" "$PODIUM" index build --corpus "$corpus" \
            --index "$index" --memory "$MEMORY" --jobs "$JOBS")
        "$PODIUM" index verify --index "$index" >&2
        local mb segments bytes statements
        mb=$(du -sm --apparent-size "$corpus" | cut -f1)
        segments=$(stat_field "$index" segments)
        bytes=$(stat_field "$index" bytes)
        statements=$(stat_field "$index" statements)
        [ "$statements" = "$n" ] || say "warning: the index holds $statements statements, not $n"
        printf '%s\t%s\t%s\t%.1f\t%s\t%s\t%.0f\n' "$n" "$mb" "$seconds" "$(echo "$mb / $seconds" | bc -l)" "$rss" \
            "$segments" "$(echo "$bytes / 1000000" | bc -l)" >>"$RESULTS/build.tsv"
    done
    column -t "$RESULTS/build.tsv" >&2
}

# MARK: - latency

part_latency() {
    has_search || die "this podium has no 'search' command yet"
    : >"$RESULTS/latency.jsonl"
    for n in $SIZES; do
        [ -f "$WORK/index-$n/meta.json" ] || die "no index $n: run '$0 build' first"
        say "latency on $n statements"
        $TOOLS latency "$PODIUM" "$WORK/index-$n" "$WORK/queries" --passes 5 |
            python3 -c "import json,sys; d=json.load(sys.stdin); d['statements']=$n; print(json.dumps(d))" \
            >>"$RESULTS/latency.jsonl"
        tail -1 "$RESULTS/latency.jsonl" >&2
    done
}

# MARK: - refresh cycles (shared by cycles and readers)

# edit_corpus DIR CYCLE: deletes, changes and adds parts at random (seeded by CYCLE), like a week of news.
# Parts are 100-statement JSONL files named part-NNNNN.jsonl; NEXT_PART (a file) holds the next new index.
edit_corpus() {
    local dir="$1" cycle="$2" per="${EDITS_PER_CYCLE:-5}"
    mapfile -t parts < <(ls "$dir" | grep '^part-.*\.jsonl$' | sort)
    mapfile -t picked < <(printf '%s\n' "${parts[@]}" | shuf -n $((2 * per)) --random-source=<(yes "$cycle"))
    local deleted=("${picked[@]:0:per}") changed=("${picked[@]:per}")
    for f in "${deleted[@]}"; do rm -f "$dir/$f"; done
    local ids=""
    for f in "${changed[@]}"; do ids+="${ids:+,}$((10#$(echo "$f" | tr -dc 0-9)))"; done
    local next; next=$(cat "$dir/NEXT_PART")
    local added=""
    for ((k = 0; k < per; k++)); do added+="${added:+,}$((next + k))"; done
    echo $((next + per)) >"$dir/NEXT_PART"
    "$GEN" --statements "$(cat "$dir/TOTAL")" --files "$(cat "$dir/FILES")" --out "$dir" --only "$ids" \
        --variant "$cycle" 2>/dev/null
    "$GEN" --statements "$(cat "$dir/TOTAL")" --files "$(cat "$dir/FILES")" --out "$dir" --only "$added" 2>/dev/null
}

# make_small_corpus DIR STATEMENTS: STATEMENTS in files of 100.
make_small_corpus() {
    local dir="$1" n="$2" files=$(( $2 / 100 ))
    rm -rf "$dir"
    "$GEN" --statements "$n" --files "$files" --out "$dir"
    echo "$n" >"$dir/TOTAL"; echo "$files" >"$dir/FILES"; echo "$files" >"$dir/NEXT_PART"
}

# compare_with_fresh INDEX CORPUS LABEL: size ratio and answers against a fresh build of the same corpus.
compare_with_fresh() {
    local index="$1" corpus="$2" label="$3" fresh="$WORK/cycles-fresh"
    rm -rf "$fresh"
    "$PODIUM" index build --corpus "$corpus" --index "$fresh" --memory "$MEMORY" --jobs "$JOBS" 2>/dev/null
    local a b sa sb
    a=$(stat_field "$index" bytes); b=$(stat_field "$fresh" bytes)
    sa=$(stat_field "$index" statements); sb=$(stat_field "$fresh" statements)
    local same="counts-only"
    if has_search; then
        # Which statements match: all of them, not only the top 10.
        $TOOLS answers "$PODIUM" "$index" "$WORK/queries" "$RESULTS/answers-refreshed.txt" --limit 1000000 --sets
        $TOOLS answers "$PODIUM" "$fresh" "$WORK/queries" "$RESULTS/answers-fresh.txt" --limit 1000000 --sets
        # And the top 10 with their scores: the same, ties aside (equal scores are ordered by doc id, which
        # differs between a refreshed and a fresh index).
        $TOOLS answers "$PODIUM" "$index" "$WORK/queries" "$RESULTS/top10-refreshed.txt" --scores
        $TOOLS answers "$PODIUM" "$fresh" "$WORK/queries" "$RESULTS/top10-fresh.txt" --scores
        if $TOOLS same-answers "$RESULTS/answers-refreshed.txt" "$RESULTS/answers-fresh.txt" >"$RESULTS/same-$label.json"; then
            same="yes"
        else
            same="NO"
        fi
        if $TOOLS same-top "$RESULTS/top10-refreshed.txt" "$RESULTS/top10-fresh.txt" >"$RESULTS/top10-$label.json"; then
            same="$same, top 10 yes"
        else
            same="$same, top 10 NO"
        fi
    fi
    [ "$sa" = "$sb" ] || same="NO (statements $sa vs $sb)"
    printf '%s\t%s\t%s\t%.3f\t%s\n' "$label" "$sa" "$sb" "$(echo "$a / $b" | bc -l)" "$same"
}

part_cycles() {
    local dir="$WORK/cycles-corpus" index="$WORK/cycles-index"
    ensure_queries
    say "cycles: $CYCLE_STATEMENTS statements in files of 100, $CYCLES refresh cycles"
    make_small_corpus "$dir" "$CYCLE_STATEMENTS"
    rm -rf "$index"
    "$PODIUM" index build --corpus "$dir" --index "$index" --memory "$MEMORY" --jobs "$JOBS" 2>/dev/null
    printf 'cycle\tseconds\tstatements\tsegments\tindex_mb\tverify\n' >"$RESULTS/cycles.tsv"
    printf 'after_cycle\tstatements\tfresh_statements\tsize_ratio\tsame_matches_and_top10\n' >"$RESULTS/cycles-vs-fresh.tsv"
    for ((c = 1; c <= CYCLES; c++)); do
        edit_corpus "$dir" "$c"
        local start end verify=ok
        start=$(date +%s.%N)
        "$PODIUM" index refresh --index "$index" --memory "$MEMORY" --jobs "$JOBS" 2>"$RESULTS/cycle-last.log" ||
            { cat "$RESULTS/cycle-last.log" >&2; die "refresh $c failed"; }
        end=$(date +%s.%N)
        "$PODIUM" index verify --index "$index" >/dev/null 2>&1 || verify=FAILED
        printf '%s\t%.2f\t%s\t%s\t%.1f\t%s\n' "$c" "$(echo "$end - $start" | bc -l)" \
            "$(stat_field "$index" statements)" "$(stat_field "$index" segments)" \
            "$(echo "$(stat_field "$index" bytes) / 1000000" | bc -l)" "$verify" >>"$RESULTS/cycles.tsv"
        [ "$verify" = ok ] || die "verify failed after cycle $c"
        if ((c % 25 == 0 || c == CYCLES)); then
            compare_with_fresh "$index" "$dir" "$c" >>"$RESULTS/cycles-vs-fresh.tsv"
            say "after cycle $c: $(tail -1 "$RESULTS/cycles-vs-fresh.tsv")"
        fi
    done
    column -t "$RESULTS/cycles-vs-fresh.tsv" >&2
}

ensure_queries() { [ -f "$WORK/queries/single.tsv" ] || "$GEN" --queries 100 --out "$WORK"; }

# MARK: - readers

part_readers() {
    has_search || die "this podium has no 'search' command yet"
    ensure_queries
    local dir="$WORK/readers-corpus" index="$WORK/readers-index" refs="$WORK/readers-refs"
    local n="${READER_STATEMENTS:-20000}"
    say "readers: $READERS readers during $REFRESHES refreshes of $n statements"
    make_small_corpus "$dir" "$n"
    rm -rf "$index" "$refs" "$WORK"/reader-*.out "$WORK/readers.stop"
    mkdir -p "$refs"
    "$PODIUM" index build --corpus "$dir" --index "$index" --memory "$MEMORY" --jobs "$JOBS" 2>/dev/null
    # Readers ask the first 10 queries of each kind, over and over, and record every matching statement: a
    # commit and the merge commit after it hold the same statements but may rank near-ties apart (deleted
    # statements count in BM25 until purged), and only the committed ones are checked.
    local qfile="$WORK/readers-queries.tsv"
    for kind in single and or phrase; do head -"${READER_QUERIES:-10}" "$WORK/queries/$kind.tsv" | sed "s/^/$kind-/"; done >"$qfile"
    reference() { # the answers of the current commit, which stays until the next refresh
        local g; g=$(stat_field "$index" generation)
        $TOOLS answers-file "$PODIUM" "$index" "$qfile" "$refs/gen-$g.txt" --limit 1000000 --sets
    }
    reference
    local pids=()
    for ((r = 1; r <= READERS; r++)); do
        $TOOLS reader "$PODIUM" "$index" "$qfile" "$WORK/reader-$r.out" "$WORK/readers.stop" --limit 1000000 --sets &
        pids+=($!)
    done
    for ((c = 1; c <= REFRESHES; c++)); do
        edit_corpus "$dir" "$((1000 + c))"
        "$PODIUM" index refresh --index "$index" --memory "$MEMORY" --jobs 1 2>/dev/null || die "refresh $c failed"
        reference
        say "refresh $c: generation $(stat_field "$index" generation), $(stat_field "$index" segments) segments"
    done
    touch "$WORK/readers.stop"
    wait "${pids[@]}"
    "$PODIUM" index verify --index "$index" >&2
    local leftovers; leftovers=$($TOOLS unreferenced "$index" || true)
    $TOOLS check-readers "$refs" "$WORK"/reader-*.out | tee "$RESULTS/readers.json" >&2 || say "READERS FAILED"
    if [ -n "$leftovers" ]; then say "files no commit references: $leftovers"; else say "no unreferenced files"; fi
}

# MARK: - full disk

part_disk() {
    local mnt="$WORK/tmpfs" dir="$WORK/disk-corpus" log="$RESULTS/disk.log"
    : >"$log"
    make_small_corpus "$dir" 20000
    mkdir -p "$mnt"
    if mount -t tmpfs -o size=64m tmpfs "$mnt" 2>/dev/null; then
        say "disk: a 64 MB tmpfs at $mnt"
        local index="$mnt/index"
        "$PODIUM" index build --corpus "$dir" --index "$index" --jobs "$JOBS" 2>>"$log"
        local before; before=$(stat_field "$index" statements)
        local generation; generation=$(stat_field "$index" generation)
        # Fill the disk, leaving a little room, then ask for a refresh that needs more.
        local free; free=$(df -k --output=avail "$mnt" | tail -1)
        fallocate -l $(( (free - 512) * 1024 )) "$mnt/filler" 2>/dev/null ||
            head -c $(( (free - 512) * 1024 )) /dev/zero >"$mnt/filler" 2>/dev/null || true
        "$GEN" --statements 20000 --files 200 --out "$dir" --only "$(seq -s, 200 260)" 2>/dev/null
        local status=0
        "$PODIUM" index refresh --index "$index" 2>>"$log" || status=$?
        say "refresh on a full disk: exit $status: $(grep -m1 '^error' "$log" || echo 'no error line')"
        "$PODIUM" index verify --index "$index" >&2 || say "VERIFY FAILED on the full disk"
        [ "$(stat_field "$index" generation)" = "$generation" ] && [ "$(stat_field "$index" statements)" = "$before" ] &&
            say "the last commit is intact ($before statements, generation $generation)" || say "THE INDEX CHANGED"
        rm -f "$mnt/filler"
        "$PODIUM" index refresh --index "$index" 2>>"$log" && say "the next refresh with space succeeded: $(stat_field "$index" statements) statements"
        "$PODIUM" index verify --index "$index" >&2
        local leftovers; leftovers=$($TOOLS unreferenced "$index" || true)
        [ -z "$leftovers" ] && say "no unreferenced files" || say "unreferenced files: $leftovers"
        umount "$mnt"
    else
        say "disk: cannot mount a tmpfs here; the test suite's FullDiskTests covers this with ulimit -f"
    fi
}

# MARK: - peers

part_peers() {
    local setup="a writable copy of ../shared/bench set up with its setup.sh (cp -r ../shared/bench DIR && DIR/setup.sh)"
    [ -n "${BENCH:-}" ] || die "the peers part needs BENCH=DIR, $setup"
    [ -f "$BENCH/peers.py" ] || die "no peers.py in BENCH=$BENCH: it must be $setup"
    python3 -c "import tantivy" 2>/dev/null || die "python3 cannot import tantivy: run $BENCH/setup.sh"
    has_search || die "this podium has no 'search' command yet"
    for n in $SIZES; do
        [ -f "$WORK/index-$n/meta.json" ] || die "no index $n: run '$0 build' first"
    done
    local peers="python3 $HERE/peer_scaling.py"
    $peers prepare "$WORK" "$BENCH" --sizes $SIZES
    say "peers: $ROUNDS rounds"
    $peers run "$WORK" "$BENCH" "$PODIUM" --rounds "$ROUNDS" --sizes $SIZES
    $peers summary "$WORK" | tee "$RESULTS/peers.md" >&2
}

# MARK: - main

parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(gen build latency cycles readers disk)
ensure_binaries "${parts[@]}"
for part in "${parts[@]}"; do
    case "$part" in
        gen | build | latency | cycles | readers | disk | peers) say "== $part"; "part_$part" ;;
        *) die "unknown part '$part' (gen build latency cycles readers disk peers)" ;;
    esac
done

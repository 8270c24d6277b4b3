#!/usr/bin/env bash
# Load test of `podium serve` (issue #16, criteria 5 and 6), on loopback only.
#
# Release build; an index of all of ../shared/corpus; 100 real queries (Benchmarks/relevance/queries.tsv and
# query-language variants of them: phrases, prefixes, fields, dates); then, against /api/search with 10 hits
# and excerpts:
#   1. the same queries through `podium search --batch --format jsonl` (the CLI's throughput, one process);
#   2. wrk, 8 connections, 20 s: p99 and throughput, compared with (1);
#   3. wrk, 64 connections, 30 s: errors and p99;
#   4. RssAnon of the server after 1,000 and after 100,000 requests;
#   5. a refresh during a wrk run (a JSONL file with an unseen word added to the corpus): no failed request,
#      and the new statement is found after it.
# Usage: Benchmarks/serve_load.sh [WORKDIR]   (WORKDIR default /tmp/podium-serve-load; it holds the index)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SHARED=${PODIUM_SHARED:-$ROOT/../shared}
WORK=${1:-/tmp/podium-serve-load}
PORT=${PODIUM_LOAD_PORT:-18080}
mkdir -p "$WORK/extra"
command -v wrk > /dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
[ -d "$SHARED/corpus" ] || { echo "no corpus at $SHARED/corpus" >&2; exit 2; }

BIN=${PODIUM_BIN:-}
if [ -z "$BIN" ]; then
    swift build -c release --product podium > /dev/null
    BIN=$(swift build -c release --show-bin-path)/podium
fi

# The corpus: everything in ../shared/corpus, and a folder the refresh adds to.
CORPUS=(--corpus "$SHARED/corpus" --corpus "$WORK/extra")
if [ ! -f "$WORK/index/meta.json" ]; then
    rm -f "$WORK/extra/"*
    echo "== building the index of $SHARED/corpus (once)"
    "$BIN" index build "${CORPUS[@]}" --index "$WORK/index" 2>&1 | tail -2
fi

# 100 queries: the judged set's 40-odd, and variants in the query language.
python3 - "$ROOT/Benchmarks/relevance/queries.tsv" "$WORK" << 'PY'
import sys, urllib.parse
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if l.strip() and not l.startswith("#")]
base = [r[3] for r in rows[1:] if len(r) > 3]
out = list(base)
for q in base:
    words = q.split()
    if len(out) >= 100: break
    out.append('"' + " ".join(words[:2]) + '"' if len(words) > 1 else q + "*")
for q in base:
    if len(out) >= 100: break
    w = q.split()[0]
    out.append(f"+{w} date:2019..2023" if w.isascii() else f"{w} lang:zh")
out = out[:100]
with open(sys.argv[2] + "/queries.txt", "w") as f:
    f.write("\n".join(out) + "\n")
with open(sys.argv[2] + "/queries.url", "w") as f:
    f.write("\n".join(urllib.parse.quote(q, safe="") for q in out) + "\n")
with open(sys.argv[2] + "/queries.batch", "w") as f:
    f.write("".join(f"q{i}\t{q}\n" for i, q in enumerate(out)))
print(f"{len(out)} queries")
PY

# 1. The CLI's throughput on the same queries, three passes in one process.
for _ in 1 2 3; do cat "$WORK/queries.batch"; done > "$WORK/queries.batch3"
START=$(date +%s.%N)
"$BIN" search --batch "$WORK/queries.batch3" --format jsonl --limit 10 --index "$WORK/index" > /dev/null 2>&1 || true
END=$(date +%s.%N)
CLI_QPS=$(python3 -c "print(f'{300 / ($END - $START):.1f}')")
echo "CLI: podium search --batch --format jsonl, 300 queries: $CLI_QPS queries/s"

"$BIN" serve --index "$WORK/index" --port "$PORT" --quiet > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVER=$!
trap 'kill $SERVER 2> /dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/api/stats" > /dev/null && break; sleep 0.2; done
rss() { awk '/RssAnon/ {print $2}' "/proc/$SERVER/status"; }
export PODIUM_LOAD_QUERIES="$WORK/queries.url"
run_wrk() { wrk -t "$1" -c "$2" -d "$3" --latency -s "$ROOT/Benchmarks/serve_load.lua" "http://127.0.0.1:$PORT" | grep '^RESULT'; }

# 4a. RssAnon after the first 1,000 requests (wrk runs until at least that many are done).
wrk -t 2 -c 8 -d 3s -s "$ROOT/Benchmarks/serve_load.lua" "http://127.0.0.1:$PORT" > /dev/null
RSS_1K=$(rss)

# 2. 8 connections.
echo "wrk 8 connections 20 s:  $(run_wrk 2 8 20s)"
# 3. 64 connections.
echo "wrk 64 connections 30 s: $(run_wrk 2 64 30s)"

# 4b. Up to 100,000 requests in all (bounded: at most 10 more runs of 20 s).
DONE=0
for _ in $(seq 1 10); do
    LINE=$(run_wrk 2 16 20s)
    DONE=$((DONE + $(echo "$LINE" | sed -E 's/.*requests=([0-9]+).*/\1/')))
    [ "$DONE" -ge 100000 ] && break
done
RSS_100K=$(rss)
echo "RssAnon: $RSS_1K kB after ~1,000 requests, $RSS_100K kB after $DONE more (+ the runs above)"

# 6. A refresh during the load.
WORD=zqxrefreshword$$
printf '{"id":"serve-load-%s","date":"2024-06-01","spokesperson":"Load Test","language":"en","title":"Refresh during load","question":"","answer":"The word %s is new."}\n' "$WORD" "$WORD" > "$WORK/extra/refresh.jsonl"
run_wrk 2 8 20s > "$WORK/refresh-wrk.txt" &
WRK=$!
sleep 5
"$BIN" index refresh "${CORPUS[@]}" --index "$WORK/index" 2>&1 | tail -1
wait $WRK
echo "wrk during refresh:     $(cat "$WORK/refresh-wrk.txt")"
FOUND=$(curl -s "http://127.0.0.1:$PORT/api/search?q=$WORD" | python3 -c "import json,sys; print(json.load(sys.stdin)['total'])")
echo "after the refresh, /api/search?q=$WORD finds $FOUND statement(s)"
rm -f "$WORK/extra/refresh.jsonl"
"$BIN" index refresh "${CORPUS[@]}" --index "$WORK/index" > /dev/null 2>&1

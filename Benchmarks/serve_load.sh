#!/usr/bin/env bash
# Issue #16, acceptance 5 and 6: `podium serve` under load, with wrk, over an index of all of ../shared/corpus.
#
#   Benchmarks/serve_load.sh [podium binary] [work folder]
#
# Without a binary, builds `swift build -c release --product podium` and uses .build/release/podium.
# Needs wrk (`apt-get install -y wrk`), curl and python3. Everything listens and connects on 127.0.0.1 only.
#
# 1. 8 connections (2 threads), 30 s, twice: p50/p99 latency and requests/s of /api/search (10 hits with
#    excerpts) over 100 real queries; against `podium search --batch --format jsonl --limit 10` on the same
#    queries (queries/s from wall time, BATCH_RUNS runs of the queries repeated BATCH_REPEAT times).
#    Target: p99 < 50 ms and requests/s >= 70% of the batch's queries/s.
# 2. 64 connections, 30 s: no error (no answer but 200, no socket error); p99 reported.
# 3. A fresh server: RssAnon (/proc/PID/status) after MEMORY_FIRST (1,000) answers and after MEMORY_TOTAL
#    (100,000) answers; the second within 10% of the first.
# 4. `podium index refresh` of a corpus copy that gained statements holding an invented word, while wrk runs
#    at 8 connections: no failed request; afterwards /api/search finds every new statement.
#
# The load average (/proc/loadavg) is printed next to each figure: the machine may be shared. Exits 1 if a
# check fails. Every wait is bounded; the server and wrk are stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
podium=${1:-}
work=${2:-/tmp/podium-serve-load}
corpus=${CORPUS:-$root/../shared/corpus}
duration=${DURATION:-30s}
batch_runs=${BATCH_RUNS:-5}
batch_repeat=${BATCH_REPEAT:-10}
memory_first=${MEMORY_FIRST:-1000}
memory_total=${MEMORY_TOTAL:-100000}
lua=$root/Benchmarks/serve_load.lua

for tool in wrk curl python3; do
    command -v "$tool" >/dev/null || { echo "serve_load: $tool is missing (apt-get install -y $tool)" >&2; exit 2; }
done
[ -d "$corpus" ] || { echo "serve_load: no corpus at $corpus (set CORPUS)" >&2; exit 2; }
if [ -z "$podium" ]; then
    swift build -c release --product podium
    podium=$root/.build/release/podium
fi
podium=$(cd "$(dirname "$podium")" && pwd)/$(basename "$podium")

server_pid=""
wrk_pid=""
stop_server() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -INT "$server_pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
cleanup() {
    [ -n "$wrk_pid" ] && kill "$wrk_pid" 2>/dev/null || true
    stop_server
}
trap cleanup EXIT

failures=0
say() { echo "$*" | tee -a "$work/results.txt"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
verdict() { # verdict NAME CONDITION(0/1) DETAIL
    if [ "$2" = 1 ]; then say "PASS $1: $3"; else say "FAIL $1: $3"; failures=$((failures + 1)); fi
}
field() { sed -n "s/.*[ :]$1=\([^ ]*\).*/\1/p" "$2" | tail -1; }
rss_anon() { awk '/^RssAnon:/ {print $2}' "/proc/$server_pid/status"; }
# The server's user + system CPU time in clock ticks: on a shared machine, CPU per answer is steadier than
# wall time.
server_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
ticks_per_second=$(getconf CLK_TCK)

# start_server INDEX: see serve_common.sh.
source "$root/Benchmarks/serve_common.sh"

# run_wrk NAME CONNECTIONS DURATION [STOP_AFTER]: wrk with the query mix; its output in $work/NAME.wrk. With
# STOP_AFTER, wrk is interrupted (and prints its summary) once both threads have counted their share.
run_wrk() {
    local threads=2 marker=$work/$1.stopped ticks
    rm -f "$marker".*
    ticks=$(server_ticks)
    wrk -t"$threads" -c"$2" -d"$3" --timeout 10s --latency -s "$lua" "$url" \
        -- "$work/paths.txt" "${4:-0}" "$threads" "$marker" >"$work/$1.wrk" 2>&1 &
    wrk_pid=$!
    if [ "${4:-0}" -gt 0 ]; then
        while kill -0 "$wrk_pid" 2>/dev/null && [ "$(find "$work" -maxdepth 1 -name "$1.stopped.*" | wc -l)" -lt "$threads" ]; do
            sleep 0.2
        done
        kill -INT "$wrk_pid" 2>/dev/null || true
    fi
    wait "$wrk_pid" || true
    wrk_pid=""
    echo "$(($(server_ticks) - ticks))" >"$work/$1.ticks"
}
wrk_summary() { # one line of figures from the Lua summary
    local f=$work/$1.wrk
    echo "$(field answers "$f") answers, $(field rps "$f") req/s, p50 $(field p50_ms "$f") ms," \
        "p99 $(field p99_ms "$f") ms, max $(field max_ms "$f") ms, not-200 $(field not200 "$f"), socket errors" \
        "connect $(field connect "$f") read $(field read "$f") write $(field write "$f") timeout $(field timeout "$f")," \
        "server CPU $(cpu_per_answer "$1") ms per answer"
}
cpu_per_answer() {
    python3 -c "print(f'{1000 * $(cat "$work/$1.ticks") / $ticks_per_second / max(1, $(field answers "$work/$1.wrk")):.2f}')"
}
wrk_errors() { # not-200 answers plus socket errors
    local f=$work/$1.wrk
    echo $(($(field not200 "$f") + $(field connect "$f") + $(field read "$f") + $(field write "$f") + $(field timeout "$f")))
}

mkdir -p "$work"
: >"$work/results.txt"
: >"$work/serve.err"
say "serve_load: $(date -u +%FT%TZ), $podium, $(nproc) cores, load $(load)"

# The corpus is copied, so that the refresh below can add to it without touching ../shared.
if [ ! -d "$work/corpus" ]; then
    cp -r "$corpus" "$work/corpus.tmp" && mv "$work/corpus.tmp" "$work/corpus"
fi
rm -f "$work"/corpus/zz-serve-load-*.jsonl
rm -rf "$work/index"
start=$(date +%s.%N)
"$podium" index build --corpus "$work/corpus" --index "$work/index" --quiet >"$work/build.out" 2>&1 ||
    { cat "$work/build.out" >&2; exit 1; }
say "index build: $(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')") s, $(tail -1 "$work/build.out")"

# 100 queries: the judged queries as typed, then with every word required (+a +b), then as phrases.
python3 - "$root/Benchmarks/relevance/queries.tsv" "$work" <<'EOF'
import sys, urllib.parse
source, work = sys.argv[1], sys.argv[2]
typed = []
for line in open(source, encoding="utf-8"):
    if line.startswith("#") or line.startswith("id\t") or not line.strip():
        continue
    qid, split, lang, query = line.rstrip("\n").split("\t")[:4]
    typed.append((qid, lang, query))
required = [(q + "-all", l, " ".join("+" + w for w in t.split())) for q, l, t in typed if len(t.split()) > 1]
phrases = [(q + "-phrase", l, '"' + t + '"') for q, l, t in typed]
mix = (typed + required + phrases)[:100]
assert len(mix) == 100, len(mix)
with open(f"{work}/queries.tsv", "w", encoding="utf-8") as out:
    for qid, _, text in mix:
        out.write(f"{qid}\t{text}\n")
with open(f"{work}/paths.txt", "w", encoding="utf-8") as out:
    for _, _, text in mix:
        out.write("/api/search?q=" + urllib.parse.quote(text, safe="") + "&limit=10\n")
langs = [l for _, l, _ in mix]
print(f"queries: 100 ({langs.count('en')} English, {langs.count('zh')} Chinese) in {work}/queries.tsv")
EOF
say "$(head -3 "$work/paths.txt" | tr '\n' ' ')..."

# ---------------------------------------------------------------------------------------------------------
start_server "$work/index" --quiet
say "server: $url (pid $server_pid), RssAnon $(rss_anon) kB at start"
# Every query answers 200 with hits before timing starts; a failure is named with its query.
bad=0
while IFS= read -r path; do
    status=$(curl -s -o "$work/answer.json" -w '%{http_code}' --max-time 30 "$url$path" || echo 000)
    if [ "$status" != 200 ]; then
        say "query answered $status: $path"; head -c 300 "$work/answer.json"; echo
        bad=$((bad + 1))
    fi
done <"$work/paths.txt"
verdict "every query answers 200" "$([ "$bad" = 0 ] && echo 1 || echo 0)" "$bad of 100 did not"
python3 - "$work/answer.json" <<'EOF' | tee -a "$work/results.txt"
import json, sys
answer = json.load(open(sys.argv[1]))
hits = answer.get("hits", [])
print(f"last query: total {answer.get('total')}, {len(hits)} hits, keys of a hit: {sorted(hits[0].keys()) if hits else []}")
EOF

run_wrk c8-first 8 "$duration"
say "8 connections, run 1 (load $(load)): $(wrk_summary c8-first)"

# The batch: the same 100 queries, BATCH_REPEAT times in one process, so that start-up is amortized.
for _ in $(seq 1 "$batch_repeat"); do cat "$work/queries.tsv"; done >"$work/batch.tsv"
batch_count=$(wc -l <"$work/batch.tsv")
: >"$work/batch-rates.txt"
for run in $(seq 1 "$batch_runs"); do
    /usr/bin/time -f "%e %U %S" -o "$work/batch.time" \
        "$podium" search --batch "$work/batch.tsv" --format jsonl --limit 10 --index "$work/index" >"$work/batch.out"
    read -r wall user system <"$work/batch.time"
    rate=$(python3 -c "print(f'{$batch_count / $wall:.1f}')")
    cpu=$(python3 -c "print(f'{1000 * ($user + $system) / $batch_count:.2f}')")
    echo "$rate $cpu" >>"$work/batch-rates.txt"
    say "batch run $run (load $(load)): $batch_count queries in $wall s, $rate queries/s, CPU $cpu ms per query"
done
batch_cpu=$(sort -n -k2 "$work/batch-rates.txt" | awk '{a[NR] = $2} END {print a[int((NR + 1) / 2)]}')
batch_rate=$(sort -n "$work/batch-rates.txt" | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
say "batch median: $batch_rate queries/s, CPU $batch_cpu ms per query ($(grep -c . "$work/batch.out") hit lines per run)"

run_wrk c8-second 8 "$duration"
say "8 connections, run 2 (load $(load)): $(wrk_summary c8-second)"

for run in c8-first c8-second; do
    p99=$(field p99_ms "$work/$run.wrk")
    rps=$(field rps "$work/$run.wrk")
    verdict "$run p99 < 50 ms" "$(python3 -c "print(int($p99 < 50))")" "p99 $p99 ms"
    verdict "$run throughput >= 70% of batch" "$(python3 -c "print(int($rps >= 0.7 * $batch_rate))")" \
        "$rps req/s = $(python3 -c "print(f'{100 * $rps / $batch_rate:.0f}')")% of $batch_rate queries/s"
    say "$run CPU per answer against the batch's per query: $(cpu_per_answer "$run") ms / $batch_cpu ms" \
        "(the server's CPU-bound throughput is $(python3 -c "print(f'{100 * $batch_cpu / max(0.001, $(cpu_per_answer "$run")):.0f}')")% of the batch's)"
    verdict "$run no error" "$([ "$(wrk_errors "$run")" = 0 ] && echo 1 || echo 0)" "$(wrk_errors "$run") errors"
done

run_wrk c64 64 "$duration"
say "64 connections (load $(load)): $(wrk_summary c64)"
verdict "64 connections no error" "$([ "$(wrk_errors c64)" = 0 ] && echo 1 || echo 0)" \
    "$(wrk_errors c64) errors, p99 $(field p99_ms "$work/c64.wrk") ms"
stop_server

# ---------------------------------------------------------------------------------------------------------
# Memory: a fresh server, an exact count of answers (the Lua script stops each thread after its share).
start_server "$work/index" --quiet
say "memory server: pid $server_pid, RssAnon $(rss_anon) kB at start"
run_wrk memory-first 8 600s "$memory_first"
rss_first=$(rss_anon)
say "after $(field answers "$work/memory-first.wrk") answers (load $(load)): RssAnon $rss_first kB"
# A mark at a tenth of the total shows whether growth goes on or has levelled off.
run_wrk memory-middle 8 900s $((memory_total / 10 - $(field answers "$work/memory-first.wrk")))
answered=$(($(field answers "$work/memory-first.wrk") + $(field answers "$work/memory-middle.wrk")))
say "after $answered answers (load $(load)): RssAnon $(rss_anon) kB"
run_wrk memory-rest 8 1800s $((memory_total - answered))
rss_total=$(rss_anon)
answered=$((answered + $(field answers "$work/memory-rest.wrk")))
say "after $answered answers (load $(load)): RssAnon $rss_total kB; $(wrk_summary memory-rest)"
verdict "RssAnon after $answered within 10% of after $memory_first" \
    "$(python3 -c "print(int(abs($rss_total - $rss_first) <= 0.1 * $rss_first and $answered >= $memory_total))")" \
    "$rss_first kB -> $rss_total kB ($(python3 -c "print(f'{100 * ($rss_total - $rss_first) / $rss_first:+.1f}')")%)"
memory_errors=$(($(wrk_errors memory-first) + $(wrk_errors memory-middle) + $(wrk_errors memory-rest)))
verdict "memory runs no error" "$([ "$memory_errors" = 0 ] && echo 1 || echo 0)" "$memory_errors errors"

# ---------------------------------------------------------------------------------------------------------
# Refresh under load: new statements with an invented word join the corpus copy; the refresh commits while
# wrk runs; no request fails, and the word then finds every new statement.
word=$(python3 -c "import random, string; print('quorbel' + ''.join(random.choice(string.ascii_lowercase) for _ in range(8)))")
new_file=$work/corpus/zz-serve-load-$word.jsonl
new_count=3
found() { curl -s --max-time 30 "$url/api/search?q=$1&limit=100" | python3 -c "
import json, sys
answer = json.load(sys.stdin)
print(sum(1 for hit in answer.get('hits', []) if hit.get('id', '').startswith('serve-load-')))"; }
say "before the refresh: '$word' finds $(found "$word") new statements"
ticks=$(server_ticks)
wrk -t2 -c8 -d"$duration" --timeout 10s --latency -s "$lua" "$url" -- "$work/paths.txt" >"$work/refresh.wrk" 2>&1 &
wrk_pid=$!
sleep 5
python3 - "$new_file" "$word" "$new_count" <<'EOF'
import json, sys
path, word, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(path, "w", encoding="utf-8") as out:
    for k in range(1, count + 1):
        out.write(json.dumps({
            "id": f"serve-load-{word}-{k:03d}", "date": "2026-12-07", "spokesperson": "Load Test",
            "question": f"Question {k} about the {word} initiative?",
            "answer": f"Answer {k}: the {word} initiative is a statement added while the server was under load.",
            "lang": "en", "kind": "regular-press-conference", "ordinal": k,
            "title": f"Serve load refresh {word}", "url": f"https://example.org/serve-load/{word}/{k}",
        }, ensure_ascii=False) + "\n")
EOF
start=$(date +%s.%N)
"$podium" index refresh --index "$work/index" >"$work/refresh.out" 2>&1 || { cat "$work/refresh.out"; failures=$((failures + 1)); }
say "refresh during load (load $(load)): $(python3 -c "print(f'{$(date +%s.%N) - $start:.2f}')") s, $(tail -1 "$work/refresh.out")"
wait "$wrk_pid" || true
wrk_pid=""
echo "$(($(server_ticks) - ticks))" >"$work/refresh.ticks"
say "load during the refresh: $(wrk_summary refresh)"
verdict "no failed request during the refresh" "$([ "$(wrk_errors refresh)" = 0 ] && echo 1 || echo 0)" \
    "$(wrk_errors refresh) errors"
after=$(found "$word")
verdict "the new statements are found after the refresh" "$([ "$after" = "$new_count" ] && echo 1 || echo 0)" \
    "'$word' finds $after of $new_count"
grep -v '^$' "$work/serve.err" | grep -iv "listening" | head -5 | sed 's/^/server stderr: /' | tee -a "$work/results.txt" || true
stop_server

say "serve_load: $failures check(s) failed; figures in $work/results.txt, wrk output in $work/*.wrk"
[ "$failures" = 0 ]

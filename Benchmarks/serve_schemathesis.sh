#!/usr/bin/env bash
# Issue #16, acceptance 4: schemathesis (PyPI) against `podium serve` for 2 minutes finds no server error and
# no answer that breaks /api/openapi.json.
#
#   Benchmarks/serve_schemathesis.sh [podium binary] [work folder]
#
# Without a binary, builds `swift build --product podium` (debug) and uses .build/debug/podium. Serves an
# index of Corpus/ on a free loopback port; schemathesis runs from a virtual environment
# (SCHEMATHESIS_VENV, default ~/.cache/podium-schemathesis, created with pip on first use) for MAX_TIME
# seconds (default 120) with the checks not_a_server_error, response_schema_conformance,
# status_code_conformance and content_type_conformance. Exits non-zero when schemathesis finds a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
podium=${1:-}
work=${2:-/tmp/podium-serve-schemathesis}
venv=${SCHEMATHESIS_VENV:-$HOME/.cache/podium-schemathesis}
max_time=${MAX_TIME:-120}
checks=not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance

if [ -z "$podium" ]; then
    swift build --product podium
    podium=$root/.build/debug/podium
fi
podium=$(cd "$(dirname "$podium")" && pwd)/$(basename "$podium")
if [ ! -x "$venv/bin/st" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet schemathesis
fi

server_pid=""
stop_server() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -INT "$server_pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
trap stop_server EXIT

mkdir -p "$work"
work=$(cd "$work" && pwd)
rm -rf "$work/index"
"$podium" index build --corpus "$root/Corpus" --index "$work/index" --quiet >"$work/build.out" 2>&1 ||
    { cat "$work/build.out" >&2; exit 1; }
echo "index: $(tail -1 "$work/build.out")"

: >"$work/serve.err"
source "$root/Benchmarks/serve_common.sh"
start_server "$work/index"
echo "server: $url (pid $server_pid)"

status=0
# schemathesis keeps a cache (.schemathesis/) in the folder it runs in: the work folder, not the repository.
cd "$work"
"$venv/bin/st" run "$url/api/openapi.json" --url "$url" --checks "$checks" --max-time "$max_time" \
    --request-timeout 30 --workers 2 --report junit --report-dir "$work/report" --no-color \
    2>&1 | tee "$work/schemathesis.out" || status=$?

# The server's request log ("GET /api/search 200 1.2 ms") is counted too: a 5xx there is a server error.
server_errors=$(grep -cE ' 5[0-9][0-9] [0-9.]+ ms' "$work/serve.err" || true)
kill -0 "$server_pid" 2>/dev/null || { echo "the server died during the run" >&2; status=1; }
stop_server
echo "server log: $(wc -l <"$work/serve.err") lines, $server_errors answered 5xx ($work/serve.err)"
echo "schemathesis exit status: $status (output in $work/schemathesis.out)"
exit "$status"

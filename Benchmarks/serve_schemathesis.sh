#!/usr/bin/env bash
# schemathesis against `podium serve` over an index of Corpus/ (issue #16, criterion 4): for 2 minutes it
# sends generated requests to every operation of /api/openapi.json and checks that no answer is a server
# error (5xx) and that every answer holds to the document (status codes, content types, schemas).
# Loopback only. Needs `pip install schemathesis`. Usage: Benchmarks/serve_schemathesis.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_LIMIT=${1:-120}
PORT=${PODIUM_ST_PORT:-18081}
WORK=$(mktemp -d /tmp/podium-st.XXXXXX)
command -v schemathesis > /dev/null || { echo "schemathesis is needed: pip install schemathesis" >&2; exit 2; }
BIN=${PODIUM_BIN:-}
if [ -z "$BIN" ]; then
    swift build --product podium > /dev/null
    BIN=$(swift build --show-bin-path)/podium
fi
"$BIN" index build --corpus Corpus --index "$WORK/index" > /dev/null 2>&1
"$BIN" serve --index "$WORK/index" --port "$PORT" --quiet > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVER=$!
trap 'kill $SERVER 2> /dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/api/stats" > /dev/null && break; sleep 0.2; done
set +e
schemathesis run "http://127.0.0.1:$PORT/api/openapi.json" --url "http://127.0.0.1:$PORT" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --workers 2 --phases examples,coverage,fuzzing --max-examples 5000 --max-time "$SECONDS_LIMIT" \
    2>&1 | tee "$WORK/schemathesis.txt" | tail -40
STATUS=${PIPESTATUS[0]}
set -e
kill -0 $SERVER 2> /dev/null && echo "server still up after the run" || { echo "the server died" >&2; exit 1; }
exit "$STATUS"

-- wrk script for Benchmarks/serve_load.sh: each request asks /api/search for 10 hits with excerpts, taking
-- the queries of $PODIUM_LOAD_QUERIES (one per line, already URL-encoded) in turn, each thread from its own
-- starting point. done() prints the latency percentiles and the errors as one machine-readable line.
local queries = {}
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local path = os.getenv("PODIUM_LOAD_QUERIES")
  for line in io.lines(path) do
    if #line > 0 then table.insert(queries, line) end
  end
  counter = (id or 0) * 13
end

function request()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  return wrk.format("GET", "/api/search?limit=10&q=" .. q)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
    "connect_errors=%d read_errors=%d write_errors=%d timeouts=%d non_2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3,
    latency.max / 1e3, e.connect, e.read, e.write, e.timeout, e.status))
end

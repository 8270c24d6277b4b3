-- wrk script for Benchmarks/serve_load.sh: a round-robin mix of request paths, a count of every answer
-- that is not a 200, an optional exact stop, and one parseable summary line.
--
--   wrk -t2 -c8 -d30s -s Benchmarks/serve_load.lua http://127.0.0.1:PORT -- PATHS_FILE [STOP_AFTER THREADS MARKER]
--
-- PATHS_FILE holds one request path a line ("/api/search?q=...&limit=10"). STOP_AFTER, when given and above
-- 0, is the number of answers after which every thread stops (each thread after its share of the THREADS);
-- a stopped thread creates the file MARKER.N. wrk itself waits out -d even when its threads have stopped,
-- so the caller sends it SIGINT once every marker exists (wrk then prints its summary at once). Answers
-- past a thread's share are not counted; requests in flight when it stops are abandoned, so the server
-- may see up to one more request per connection than the count printed.

local threads = {}
local thread_count = 0

function setup(thread)
    thread_count = thread_count + 1
    thread:set("thread_number", thread_count)
    table.insert(threads, thread)
end

function init(args)
    local file = args[1]
    if file == nil then
        error("serve_load.lua: give the paths file after --")
    end
    paths = {}
    for line in io.lines(file) do
        if #line > 0 then
            paths[#paths + 1] = line
        end
    end
    if #paths == 0 then
        error("serve_load.lua: no paths in " .. file)
    end
    -- Threads start at different places in the mix, so that they do not ask the same query at once.
    local total_threads = tonumber(args[3] or "1")
    local stop_after = tonumber(args[2] or "0")
    marker = args[4]
    if stop_after > 0 then
        -- The first thread takes the remainder, so that the shares add up to stop_after exactly.
        share = math.floor(stop_after / total_threads)
        if thread_number == 1 then
            share = share + stop_after - share * total_threads
        end
    else
        share = 0
    end
    next_path = ((thread_number - 1) * 37) % #paths
    answers = 0
    not_ok = 0
    first_not_ok = 0
end

function request()
    next_path = next_path % #paths + 1
    return wrk.format("GET", paths[next_path])
end

function response(status, headers, body)
    if share > 0 and answers >= share then
        return
    end
    answers = answers + 1
    if status ~= 200 then
        not_ok = not_ok + 1
        if first_not_ok == 0 then
            first_not_ok = status
        end
    end
    if share > 0 and answers >= share then
        if marker ~= nil then
            local file = io.open(marker .. "." .. thread_number, "w")
            if file ~= nil then
                file:close()
            end
        end
        wrk.thread:stop()
    end
end

function done(summary, latency, requests)
    local answered, bad, first_bad = 0, 0, 0
    for _, thread in ipairs(threads) do
        answered = answered + thread:get("answers")
        bad = bad + thread:get("not_ok")
        if first_bad == 0 then
            first_bad = thread:get("first_not_ok")
        end
    end
    local errors = summary.errors
    local seconds = summary.duration / 1e6
    io.write(string.format(
        "podium-load: answers=%d not200=%d first_not200=%d connect=%d read=%d write=%d timeout=%d "
            .. "seconds=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f\n",
        answered, bad, first_bad, errors.connect, errors.read, errors.write, errors.timeout,
        seconds, answered / seconds,
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
        latency:percentile(99.9) / 1000, latency.max / 1000))
end

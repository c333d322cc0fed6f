-- wrk script: POSTs one fixed GraphQL request (the JSON file named by BENCH_BODY) over and over.
-- When the body contains __ID__, each request gets an article id drawn from 1..BENCH_MAX_ID (the
-- same seeded sequence for every system). Responses that are not HTTP 200 or carry GraphQL errors
-- are counted as bad. done() prints one line: requests/s and latency percentiles in microseconds.
local f = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
local template = f:read("*a")
f:close()
local max_id = tonumber(os.getenv("BENCH_MAX_ID") or "1")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.body = template

local threads = {}
local next_seed = 1

function setup(thread)
  thread:set("seed", next_seed)
  next_seed = next_seed + 1
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(seed * 7919)
  bad = 0
end

if template:find("__ID__", 1, true) then
  request = function()
    local body = template:gsub("__ID__", tostring(math.random(1, max_id)))
    return wrk.format(nil, nil, nil, body)
  end
end

function response(status, headers, body)
  if status ~= 200 or body:find('"errors"', 1, true) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local bad_total = 0
  for _, t in ipairs(threads) do
    bad_total = bad_total + t:get("bad")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT rps=%.1f p50=%d p95=%d p99=%d requests=%d bad=%d socket_errors=%d\n",
    summary.requests / seconds, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), summary.requests, bad_total,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end

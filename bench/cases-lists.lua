-- wrk script: GET the paths in $PATHS (one a line) in turn, with the signed-in session's cookie ($COOKIE): a staff
-- inbox or an applicant's own list over the API. Prints p50/p95/p99 at the end.
local paths = {}
for l in io.lines(os.getenv("PATHS")) do if #l > 0 then paths[#paths + 1] = l end end
local cookie = "SESSION=" .. os.getenv("COOKIE")
local n = 0
function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1], {["Accept"] = "application/json", ["Cookie"] = cookie})
end
function done(summary, latency, requests)
  io.write(string.format("%.0f req/s, %d non-2xx; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
    summary.requests / (summary.duration / 1e6), summary.errors.status, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end

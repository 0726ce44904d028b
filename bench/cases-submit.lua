-- wrk script: online submissions (POST /api/v1/cases) as API clients make them (docs/cases.md, "API clients"): each
-- request as one of the signed-in applicants in $SESSIONS (lines "P|O <SESSION cookie> <CSRF token> <bearer token>"),
-- with that applicant's bearer token ($AUTH=bearer, the default) or session cookie and X-CSRF-TOKEN ($AUTH=session), a fresh Idempotency-Key, and a valid application for that kind of applicant from
-- $PERSON_BODIES or $ORGANISATION_BODIES (one JSON application per line, materials by reference or commitment).
-- Counts the answers by status and prints p50/p95/p99 at the end.
local run = os.getenv("RUN_ID") or tostring(os.time())
local function lines(path)
  local t = {}
  for l in io.lines(path) do if #l > 0 then t[#t + 1] = l end end
  return t
end
local bodies = {
  P = lines(os.getenv("PERSON_BODIES") or "bench/cases-applications-person.txt"),
  O = lines(os.getenv("ORGANISATION_BODIES") or "bench/cases-applications-organisation.txt"),
}
local auth = os.getenv("AUTH") or "bearer"
local sessions = {}
for l in io.lines(os.getenv("SESSIONS") or "target/bench/cases-sessions.txt") do
  local kind, cookie, csrf, bearer = l:match("^(%S+)%s+(%S+)%s+(%S+)%s*(%S*)$")
  if kind then sessions[#sessions + 1] = {kind = kind, cookie = cookie, csrf = csrf, bearer = bearer} end
end

local threads = {}
local next_id = 1
function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local n = 0
statuses = {}
function request()
  n = n + 1
  local s = sessions[((n * 7 + (tid or 0)) % #sessions) + 1]
  local list = bodies[s.kind]
  local body = list[((n + (tid or 0) * 13) % #list) + 1]
  local headers = {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
    ["Idempotency-Key"] = string.format("wrk-%s-%d-%d", run, tid or 0, n),
  }
  if auth == "bearer" then
    headers["Authorization"] = "Bearer " .. s.bearer
  else
    headers["Cookie"] = "SESSION=" .. s.cookie
    headers["X-CSRF-TOKEN"] = s.csrf
  end
  return wrk.format("POST", "/api/v1/cases", headers, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    local st = t:get("statuses") or {}
    for k, v in pairs(st) do total[k] = (total[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(total) do parts[#parts + 1] = string.format("%s: %d", k, v) end
  table.sort(parts)
  local seconds = summary.duration / 1e6
  io.write(string.format("answers by status: %s\n", table.concat(parts, ", ")))
  io.write(string.format("created (201): %.0f/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    (total[201] or 0) / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end

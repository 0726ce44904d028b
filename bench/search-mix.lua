-- wrk script: the search API under a realistic mix. Real search traffic is skewed: a few phrases are typed very
-- often, most are rare. The queries in $QUERIES (one per line, most popular first) are drawn with Zipf's law
-- (the k-th is typed 1/k as often as the first), so with 5,000 distinct queries about one request in ten asks
-- something outside the 2,000 most popular ones, which the result cache may not hold.
local file = os.getenv("QUERIES") or "target/bench/queries.txt"
local function encode(s)
  return (s:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
local paths, cumulative, total = {}, {}, 0
for line in io.lines(file) do
  paths[#paths + 1] = "/api/v1/catalog/items?size=20&q=" .. encode(line)
  total = total + 1 / #paths
  cumulative[#paths] = total
end
local function pick()
  local r, lo, hi = math.random() * total, 1, #cumulative
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cumulative[mid] < r then lo = mid + 1 else hi = mid end
  end
  return lo
end
init = function(args)
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8), 16) or 0))
end
request = function()
  return wrk.format("GET", paths[pick()])
end

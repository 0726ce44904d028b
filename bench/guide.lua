-- wrk script: guide pages of the items listed in target/bench/codes.txt, in turn.
local codes = {}
for line in io.lines(os.getenv("CODES") or "target/bench/codes.txt") do codes[#codes + 1] = line end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/items/" .. codes[(n % #codes) + 1])
end

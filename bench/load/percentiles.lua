-- wrk script: requests rotate over the paths in the file named by the PATHS environment variable
-- (one per line), and the summary adds the 95th percentile, which wrk --latency does not print.
-- A line "vouch_… /path" sends that line's token instead of TOKEN, to load as many users.
local paths = {}
local file = os.getenv("PATHS")
if file then
  for line in io.lines(file) do
    if line ~= "" then paths[#paths + 1] = line end
  end
end
local token = os.getenv("TOKEN")
local counter = 0

function request()
  counter = counter + 1
  local path = #paths > 0 and paths[(counter % #paths) + 1] or wrk.path
  local bearer = token
  local own, rest = path:match("^(vouch_%S+) (%S+)$")
  if own then bearer, path = own, rest end
  local headers = {}
  if bearer then headers["Authorization"] = "Bearer " .. bearer end
  return wrk.format("GET", path, headers)
end

function done(summary, latency, requests)
  io.write(string.format("percentiles-ms %.3f %.3f %.3f %d %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end

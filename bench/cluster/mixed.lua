-- wrk script: a mixed load of reads and writes, rotating over the lines of the file named by REQUESTS:
-- "GET /path" or "POST /path {json body}". TOKEN is sent as a bearer token. The summary adds the 95th percentile.
local requests = {}
for line in io.lines(os.getenv("REQUESTS")) do
  local method, path, body = line:match("^(%u+) (%S+) ?(.*)$")
  if method then requests[#requests + 1] = { method = method, path = path, body = body ~= "" and body or nil } end
end
local token = os.getenv("TOKEN")
local counter = 0

function request()
  counter = counter + 1
  local r = requests[(counter % #requests) + 1]
  local headers = { ["Authorization"] = "Bearer " .. token }
  if r.body then headers["Content-Type"] = "application/json" end
  return wrk.format(r.method, r.path, headers, r.body)
end

function done(summary, latency, requests)
  io.write(string.format("percentiles-ms %.3f %.3f %.3f %d %d %.1f\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1000000)))
end

-- wrk script: a mixed load. Requests rotate over the lines of the file named by REQUESTS, one request a line:
-- "GET /path" or "POST /path {json body}", each sent with the bearer token in TOKEN. The summary prints the
-- percentiles and the longest request in milliseconds, the requests and their rate, the answers of 4xx and 5xx, and
-- socket errors and timeouts.
local lines = {}
for line in io.lines(os.getenv("REQUESTS")) do
  local method, path, body = line:match("^(%u+) (%S+) ?(.*)$")
  if method then lines[#lines + 1] = { method = method, path = path, body = body ~= "" and body or nil } end
end
local token = os.getenv("TOKEN")
-- Each thread starts at its own line, so that the threads do not send the same request at the same time.
counter = 0
local thread_number = 0
function setup(thread)
  thread_number = thread_number + 1
  thread:set("counter", thread_number * 7)
end

function request()
  counter = counter + 1
  local r = lines[(counter % #lines) + 1]
  local headers = { ["Authorization"] = "Bearer " .. token }
  if r.body then headers["Content-Type"] = "application/json" end
  return wrk.format(r.method, r.path, headers, r.body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("mixed %.3f %.3f %.3f %.3f %d %.1f %d %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, summary.requests / (summary.duration / 1e6), e.status, e.connect + e.read + e.write + e.timeout))
end

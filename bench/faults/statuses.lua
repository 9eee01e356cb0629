-- wrk script: counts the responses by status, and the error responses (4xx, 5xx) that are not problem details
-- (application/problem+json). Requests rotate over the paths in the file named by PATHS, with the bearer TOKEN.
-- Prints "status N COUNT" lines, "not-problem COUNT" and "socket-errors COUNT" at the end.
local paths = {}
local file = os.getenv("PATHS")
if file then
  for line in io.lines(file) do
    if line ~= "" then paths[#paths + 1] = line end
  end
end
local token = os.getenv("TOKEN")
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  counter = 0
  counts = {}
  notproblem = 0
end

function request()
  counter = counter + 1
  local path = #paths > 0 and paths[(counter % #paths) + 1] or wrk.path
  local headers = {}
  if token then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("GET", path, headers)
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  if status >= 400 then
    local type = headers["Content-Type"] or headers["content-type"] or ""
    if not type:find("application/problem+json", 1, true) then notproblem = notproblem + 1 end
  end
end

function done(summary, latency, requests)
  local total, np = {}, 0
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts")) do total[status] = (total[status] or 0) + n end
    np = np + thread:get("notproblem")
  end
  for status, n in pairs(total) do io.write(string.format("status %d %d\n", status, n)) end
  io.write(string.format("not-problem %d\n", np))
  io.write(string.format("socket-errors %d\n", summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end

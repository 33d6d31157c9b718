-- Status counts and latencies, printed as one machine-readable line at the end:
--   RESULTAT total=<n> ok=<2xx> busy=<503> other=<n> errors=<n> p50=<ms> p99=<ms> p50_ok=<ms> p99_ok=<ms>
-- p50/p99 are wrk's own, over every answer. p50_ok/p99_ok are those of the 2xx answers alone: when the
-- body holds the placeholder @ID@, each request gets its own id, which POST /api/verifier echoes in
-- "profil": {"id": …}; the answer is matched to its request by that id and timed here (LuaJIT's ffi,
-- monotonic clock). Without a placeholder (GET /), the 2xx figures are wrk's.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } segur_timespec;
  int clock_gettime(int clock, segur_timespec *tp);
]]
local ts = ffi.new("segur_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  ok, busy, other, matched = 0, 0, 0, 0
  lat_ok = {}
  sent, counter = {}, 0
  tagged = wrk.body ~= nil and string.find(wrk.body, "@ID@", 1, true) ~= nil
end

function request()
  if not tagged then return wrk.format() end
  counter = counter + 1
  local id = "b" .. tid .. "-" .. counter
  sent[id] = now_ms()
  return wrk.format(nil, nil, nil, (string.gsub(wrk.body, "@ID@", id)))
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
    if tagged then
      local id = string.match(body, '"id": ?"(b[0-9]+%-[0-9]+)"') -- indented (v1) or compact (v2)
      if id and sent[id] then
        lat_ok[#lat_ok + 1] = now_ms() - sent[id]
        sent[id] = nil
        matched = matched + 1
      end
    end
  elseif status == 503 then busy = busy + 1
  else other = other + 1 end
end

local function percentile(list, p)
  if #list == 0 then return 0 end
  table.sort(list)
  return list[math.max(1, math.ceil(#list * p / 100))]
end

function done(summary, latency, requests)
  local o, b, x, m, oks = 0, 0, 0, 0, {}
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); b = b + t:get("busy"); x = x + t:get("other"); m = m + t:get("matched")
    for _, v in ipairs(t:get("lat_ok")) do oks[#oks + 1] = v end
  end
  local p50, p99 = latency:percentile(50) / 1000, latency:percentile(99) / 1000
  local p50_ok, p99_ok = p50, p99
  if m > 0 then p50_ok, p99_ok = percentile(oks, 50), percentile(oks, 99) end
  local e = summary.errors
  io.write(string.format("RESULTAT total=%d ok=%d busy=%d other=%d errors=%d matched=%d p50=%.2f p99=%.2f p50_ok=%.2f p99_ok=%.2f\n",
    o + b + x, o, b, x, e.connect + e.read + e.write + e.timeout, m, p50, p99, p50_ok, p99_ok))
end

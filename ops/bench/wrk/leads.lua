-- wrk script for ops/bench/run-delivery: POST /v1/leads, each request with its own Idempotency-Key and a
-- valid lead (API.md "Lead body"; no customFields, which the HubSpot connector would send as contact
-- properties the simulated portal does not define). Environment: BENCH_KEY, the writer key (kept off wrk's command line, so it
-- does not show in the process list); BENCH_RUN names the run, so keys stay unique across runs on one database.

local run = os.getenv("BENCH_RUN") or tostring(os.time())
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local sent = 0
local headers = {}

function init(args)
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  headers["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY")
  headers["Content-Type"] = "application/json"
end

function request()
  sent = sent + 1
  local key = run .. "-" .. tid .. "-" .. sent
  headers["Idempotency-Key"] = key
  local body = '{"externalId":"bench-' .. key .. '","source":"wrk","receivedAt":"2026-11-22T10:15:00Z",'
    .. '"customer":{"firstName":"Dana","lastName":"Reyes","emails":["dana-' .. key .. '@example.com"],'
    .. '"phones":[{"number":"+15125550100","type":"cellphone"}],'
    .. '"address":{"street":"1 Main St","city":"Austin","region":"TX","postalCode":"78701","country":"US"}},'
    .. '"vehicles":[{"interest":"buy","condition":"used","year":2021,"make":"Honda","model":"Accord","trim":"EX"}],'
    .. '"comments":"Wants a test drive Saturday"}'
  return wrk.format("POST", "/v1/leads", headers, body)
end

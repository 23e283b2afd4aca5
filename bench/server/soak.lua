-- wrk script for the soak run: the /match request of match.lua, paced so the
-- total rate is about CORDON_SOAK_RATE requests/s over all connections
-- (wrk has no rate control; each connection waits connections/rate seconds
-- between requests).
wrk.method = "POST"
wrk.path = "/match/default"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"queries":{"q1":{"schema":"Person","properties":{"name":["Vladimir Putin"],"birthDate":["1952-10-07"],"nationality":["ru"]}}}}'

local rate = tonumber(os.getenv("CORDON_SOAK_RATE") or "1000")
local connections = tonumber(os.getenv("CORDON_SOAK_CONNECTIONS") or "64")

function delay()
  return 1000.0 * connections / rate
end

-- wrk script: POST /match/default with one person query (the issue's target
-- workload). Counts non-200 responses so the run can be rejected.
wrk.method = "POST"
wrk.path = "/match/default"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("CORDON_BENCH_BODY") or
  '{"queries":{"q1":{"schema":"Person","properties":{"name":["Vladimir Putin"],"birthDate":["1952-10-07"],"nationality":["ru"]}}}}'

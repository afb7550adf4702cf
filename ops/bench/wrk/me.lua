-- wrk script for ops/bench/run-delivery: GET /v1/me with the writer key from BENCH_KEY (kept off wrk's command
-- line, so it does not show in the process list). A static request: wrk builds it once, as for a plain URL.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY")

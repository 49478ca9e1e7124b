#!/usr/bin/env bash
# What the shared rate limit costs: an external read (GET /external-api/v1/followups, a company's list) under wrk,
# with the budgets counted in each instance's memory (FOLLOWUP_API_RATE_LIMIT_STORE=local) and then in PostgreSQL
# (postgresql, the default: one more short transaction per request), one service after the other in the same run,
# each warmed up the same way; throughput, latency and the CPU that the service and PostgreSQL spent per request.
# Needs wrk and psql (Debian: apt-get install wrk postgresql-client). Usage: bench/ratelimit.sh
# Settings: CONCURRENCY (16), DURATION (15s per run), PORT (8089), WARMUP_MAX (600 s), STORES ("local postgresql").
# Results: target/bench/ratelimit-results.md
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
CONCURRENCY=${CONCURRENCY:-16}
DURATION=${DURATION:-15s}
PORT=${PORT:-8089}
STORES=${STORES:-local postgresql}
OUT=target/bench
mkdir -p "$OUT"
needs wrk psql curl ss

for store in $STORES; do
  export FOLLOWUP_API_RATE_LIMIT_STORE=$store
  start_service "ratelimit-$store"
  GET_URL="$BASE_URL/external-api/v1/followups?limit=20"
  cat > "$OUT/get-followups.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $EXTERNAL_TOKEN"
LUA
  curl -sf "$GET_URL" -H "Authorization: Bearer $EXTERNAL_TOKEN" > /dev/null
  warm_round() { wrk -t2 -c"$CONCURRENCY" -d10s -s "$OUT/get-followups.lua" "$GET_URL" > /dev/null; }
  warm_up warm_round
  eval "WARMUP_$store=$WARMUP_SECONDS"
  measure "wrk-ratelimit-$store" wrk -t2 -c"$CONCURRENCY" -d"$DURATION" --latency -s "$OUT/get-followups.lua" "$GET_URL"
  ROWS=$(psql "$PGURL" -Atc "SELECT count(*) FROM api_rate_limit_bucket")
  eval "ROWS_$store=$ROWS"
  stop_service
  trap - EXIT
  SERVICE=""
done

{
  echo "| rate-limit store | GET /external-api/v1/followups | p50 / p99 | non-2xx | CPU ms per GET: service / PostgreSQL / wrk | machine busy | bucket rows | warm-up |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  for store in $STORES; do
    run="wrk-ratelimit-$store"; rows="ROWS_$store"; warm="WARMUP_$store"
    echo "| $store | $(rate "$run") req/s | $(pct "$run" 50) / $(pct "$run" 99) | $(non2xx "$run") | $(cpu_ms "$run" "$(count "$run")") | $(busy "$run") | ${!rows} | ${!warm} s |"
  done
  set -- $STORES
  if [ $# -eq 2 ]; then
    echo
    echo "Throughput $2 / $1: **$(awk -v a="$(rate "wrk-ratelimit-$2")" -v b="$(rate "wrk-ratelimit-$1")" 'BEGIN { printf "%.2f", a / b }')**."
  fi
  echo "Concurrency $CONCURRENCY, each run $DURATION; $(nproc) cores shared by wrk, PostgreSQL and the service (and anything else running; see machine busy); $(java -version 2>&1 | head -1); $(date -u +%FT%TZ)."
} | tee "$OUT/ratelimit-results.md"

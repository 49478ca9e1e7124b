#!/usr/bin/env bash
# What the service's own authorization server costs, side by side in one run on one service: an external read
# (GET /external-api/v1/followups) with a token of the configured outside issuer and with a token of the service's own
# token endpoint (both remembered by the token cache after their first use), then POST /token itself (the client
# credentials checked against a bcrypt hash, a JWT signed: what an integrator pays once an hour); throughput, latency
# and the CPU the service and PostgreSQL spent per request.
# Needs wrk and psql (Debian: apt-get install wrk postgresql-client). Usage: bench/oauth.sh
# Settings: CONCURRENCY (16, the reads), TOKEN_CONCURRENCY (2), DURATION (15s per run), PORT (8089), WARMUP_MAX (600 s).
# Results: target/bench/oauth-results.md
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
CONCURRENCY=${CONCURRENCY:-16}
TOKEN_CONCURRENCY=${TOKEN_CONCURRENCY:-2}
DURATION=${DURATION:-15s}
PORT=${PORT:-8089}
OUT=target/bench
mkdir -p "$OUT"
needs wrk psql curl ss base64

# The brute-force limit would stop the token run after 60 requests: budgets no run can spend.
export FOLLOWUP_OAUTH_TOKEN_REQUESTS_PER_CLIENT=1000000000
export FOLLOWUP_OAUTH_TOKEN_REQUESTS_PER_ADDRESS=1000000000
start_service oauth

OWN_TOKEN=$(curl -sf -X POST "$BASE_URL/token" -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
GET_URL="$BASE_URL/external-api/v1/followups?limit=20"
cat > "$OUT/get-outside.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $EXTERNAL_TOKEN"
LUA
cat > "$OUT/get-own.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $OWN_TOKEN"
LUA
cat > "$OUT/post-token.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Basic $(printf '%s:%s' "$CLIENT_ID" "$CLIENT_SECRET" | base64 -w0)"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "grant_type=client_credentials&scope=followups:read"
LUA
for script in get-outside get-own; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$GET_URL" -H "Authorization: Bearer $(grep -o 'Bearer [^"]*' "$OUT/$script.lua" | cut -c8-)")" = 200 ] \
    || { echo "$script: the read is not a 200"; exit 1; }
done

warm_round() {
  wrk -t2 -c"$CONCURRENCY" -d5s -s "$OUT/get-outside.lua" "$GET_URL" > /dev/null
  wrk -t2 -c"$CONCURRENCY" -d5s -s "$OUT/get-own.lua" "$GET_URL" > /dev/null
  wrk -t2 -c"$TOKEN_CONCURRENCY" -d3s -s "$OUT/post-token.lua" "$BASE_URL/token" > /dev/null
}
warm_up warm_round

# In the order outside, own, own, outside: a drift of the machine during the runs falls on both alike.
measure wrk-get-outside-1 wrk -t2 -c"$CONCURRENCY" -d"$DURATION" --latency -s "$OUT/get-outside.lua" "$GET_URL"
measure wrk-get-own-1 wrk -t2 -c"$CONCURRENCY" -d"$DURATION" --latency -s "$OUT/get-own.lua" "$GET_URL"
measure wrk-get-own-2 wrk -t2 -c"$CONCURRENCY" -d"$DURATION" --latency -s "$OUT/get-own.lua" "$GET_URL"
measure wrk-get-outside-2 wrk -t2 -c"$CONCURRENCY" -d"$DURATION" --latency -s "$OUT/get-outside.lua" "$GET_URL"
measure wrk-post-token wrk -t2 -c"$TOKEN_CONCURRENCY" -d"$DURATION" --latency -s "$OUT/post-token.lua" "$BASE_URL/token"

{
  echo "| request | token of | rate | p50 / p99 | non-2xx | CPU ms per request: service / PostgreSQL / wrk | machine busy |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  for run in get-outside-1 get-own-1 get-own-2 get-outside-2; do
    issuer=${run#get-}
    echo "| GET /external-api/v1/followups (c=$CONCURRENCY) | ${issuer%-*} issuer (run ${issuer##*-}) | $(rate "wrk-$run") req/s | $(pct "wrk-$run" 50) / $(pct "wrk-$run" 99) | $(non2xx "wrk-$run") | $(cpu_ms "wrk-$run" "$(count "wrk-$run")") | $(busy "wrk-$run") |"
  done
  echo "| POST /token (c=$TOKEN_CONCURRENCY) | - | $(rate wrk-post-token) req/s | $(pct wrk-post-token 50) / $(pct wrk-post-token 99) | $(non2xx wrk-post-token) | $(cpu_ms wrk-post-token "$(count wrk-post-token)") | $(busy wrk-post-token) |"
  echo
  echo "Reads with the own issuer's token / the outside issuer's (both runs of each): **$(awk -v a="$(( $(rate wrk-get-own-1) + $(rate wrk-get-own-2) ))" -v b="$(( $(rate wrk-get-outside-1) + $(rate wrk-get-outside-2) ))" 'BEGIN { printf "%.2f", a / b }')**."
  echo "Warm-up $WARMUP_SECONDS s; each run $DURATION; $(nproc) cores shared by wrk, PostgreSQL and the service (and anything else running; see machine busy); $(java -version 2>&1 | head -1); $(date -u +%FT%TZ)."
} | tee "$OUT/oauth-results.md"

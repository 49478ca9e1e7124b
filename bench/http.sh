#!/usr/bin/env bash
# HTTP benchmark, side by side in one run: POST /external-api/v1/followups under wrk and the raw
# PostgreSQL rate of the same insert through pgbench, at each concurrency of a sweep (each POST run
# followed at once by its pgbench run, so both see the same machine); GET /backend/followup/configs/{id}
# at one concurrency; the CPU seconds that the service, PostgreSQL and the load generator spent per
# request; and the service's memory afterwards.
# Needs wrk and pgbench (Debian: apt-get install wrk postgresql-client). Usage: bench/http.sh
# Settings: CONCURRENCY ("4 8 16 32", a list), DURATION (15s per run), PORT (8089), WARMUP_MAX (600 s),
# PROFILE (unset; a concurrency, e.g. 16: record JFR during that POST run into target/bench/post.jfr).
# Results: target/bench/http-results.md
# The service runs with the full JIT (optimizedLaunch=false): the launcher's default, C1 only, trades
# peak speed for start-up and made the service look several times slower than it is.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
CONCURRENCY=${CONCURRENCY:-4 8 16 32}
DURATION=${DURATION:-15s}
PORT=${PORT:-8089}
PROFILE=${PROFILE:-}
OUT=target/bench
mkdir -p "$OUT"
needs wrk pgbench psql curl ss

JVM_ARGS=""
[ -n "$PROFILE" ] && JVM_ARGS="-XX:FlightRecorderOptions:stackdepth=512"
start_service http "$JVM_ARGS"

DEBT_ID=$(curl -sf -X POST "$BASE_URL/external-api/v1/debts" -H "Authorization: Bearer $EXTERNAL_TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"internal_id": "BENCH-1", "firstname": "Bench", "lastname": "Mark", "email": "bench@example.com", "amount": 100.00, "currency": "BRL"}' \
  | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
CONFIG_ID=$(curl -sf -X POST "$BASE_URL/backend/followup/configs" -H "Authorization: Bearer $BACKEND_TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"assistant_id": "0b5e6d7c-8f9a-4b1c-9d2e-3f4a5b6c7d8e", "trigger_status_ids": ["1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"],
       "steps": [{"interval": "PT30M", "prompt": "Hello"}]}' \
  | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)

cat > "$OUT/post-followup.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $EXTERNAL_TOKEN"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"debt_id": "$DEBT_ID", "type": "call", "status": "scheduled", "scheduled_at": "2024-01-25T10:00:00Z", "summary": "Follow-up call to discuss payment plan", "notes": "Customer previously expressed interest in monthly payment schedule"}'
LUA
cat > "$OUT/get-config.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $BACKEND_TOKEN"
LUA
INTERNAL_DEBT=$(psql "$PGURL" -Atc "SELECT id FROM debt LIMIT 1")
cat > "$OUT/insert-followup.sql" <<SQL
INSERT INTO debt_followup (company_id, debt_id, type, status, scheduled_at, summary, notes, is_retry, processed_at, created_at, updated_at)
VALUES ('demo-company', $INTERNAL_DEBT, 'CALL', 'SCHEDULED', '2024-01-25T10:00:00Z', 'Follow-up call to discuss payment plan',
        'Customer previously expressed interest in monthly payment schedule', false, now(), now(), now());
SQL

POST_URL="$BASE_URL/external-api/v1/followups"

# Warm-up until the JIT has compiled the request paths (see warm_up in lib.sh).
warm_round() {
  wrk -t2 -c16 -d10s -s "$OUT/post-followup.lua" "$POST_URL" > /dev/null
  wrk -t2 -c16 -d3s -s "$OUT/get-config.lua" "$BASE_URL/backend/followup/configs/$CONFIG_ID" > /dev/null
}
warm_up warm_round

for c in $CONCURRENCY; do
  if [ "$c" = "$PROFILE" ]; then
    jcmd "$SERVICE" JFR.start name=post settings=profile filename="$PWD/$OUT/post.jfr" > /dev/null
  fi
  measure "wrk-post-$c" wrk -t2 -c"$c" -d"$DURATION" --latency -s "$OUT/post-followup.lua" "$POST_URL"
  if [ "$c" = "$PROFILE" ]; then
    jcmd "$SERVICE" JFR.stop name=post > /dev/null
  fi
  measure "pgbench-$c" pgbench -n -c "$c" -j 2 -T "${DURATION%s}" -f "$OUT/insert-followup.sql" "$PGURL"
done
GET_C=$(echo "$CONCURRENCY" | awk '{print ($0 ~ /(^| )16( |$)/) ? 16 : $1}')
measure "wrk-get-$GET_C" wrk -t2 -c"$GET_C" -d"$DURATION" --latency -s "$OUT/get-config.lua" "$BASE_URL/backend/followup/configs/$CONFIG_ID"

RSS_MB=$(( $(ps -o rss= -p "$SERVICE") / 1024 ))
HEAP=$(jcmd "$SERVICE" GC.heap_info 2> /dev/null | grep -Eo 'total [0-9]+K, used [0-9]+K' | head -1)

PEAK=""; PEAK_RPS=0
for c in $CONCURRENCY; do
  r=$(rate "wrk-post-$c"); if [ "$r" -gt "$PEAK_RPS" ]; then PEAK_RPS=$r; PEAK=$c; fi
done
{
  echo "| concurrency | POST /external-api/v1/followups | p50 / p99 | non-2xx | pgbench, same insert | ratio | CPU ms per POST: service / PostgreSQL / wrk | CPU ms per pgbench tx: service / PostgreSQL / pgbench | machine busy (POST / pgbench) |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  for c in $CONCURRENCY; do
    post="wrk-post-$c"; raw="pgbench-$c"
    ratio=$(awk -v a="$(rate "$post")" -v b="$(tps "$raw")" 'BEGIN { printf "%.2f", a / b }')
    mark=""; [ "$c" = "$PEAK" ] && mark=" (peak)"
    echo "| $c$mark | $(rate "$post") req/s | $(pct "$post" 50) / $(pct "$post" 99) | $(non2xx "$post") | $(tps "$raw") tx/s | **$ratio** | $(cpu_ms "$post" "$(count "$post")") | $(cpu_ms "$raw" "$(txs "$raw")") | $(busy "$post") / $(busy "$raw") |"
  done
  get="wrk-get-$GET_C"
  echo
  echo "GET /backend/followup/configs/{id} at concurrency $GET_C: $(rate "$get") req/s, p50 $(pct "$get" 50), p99 $(pct "$get" 99); CPU ms per GET: service / PostgreSQL / wrk $(cpu_ms "$get" "$(count "$get")")."
  echo "Service memory after the runs: RSS $RSS_MB MB; heap $HEAP."
  echo "Warm-up ${WARMUP_SECONDS}s (until a round compiled fewer than 20 methods). Each run $DURATION; $(nproc) cores shared by wrk or pgbench, PostgreSQL and the service (and anything else running; see machine busy); $(java -version 2>&1 | head -1); $(date -u +%FT%TZ)."
} | tee "$OUT/http-results.md"

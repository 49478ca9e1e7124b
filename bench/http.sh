#!/usr/bin/env bash
# HTTP benchmark, side by side in one run: POST /external-api/v1/followups and
# GET /backend/followup/configs/{id} under wrk at a fixed concurrency, the raw PostgreSQL rate of the
# same insert through pgbench at the same concurrency, and the service's memory afterwards.
# Needs wrk and pgbench (Debian: apt-get install wrk postgresql-client). Usage: bench/http.sh
# Settings: CONCURRENCY (16), DURATION (20s), PORT (8089). Results: target/bench/http-results.md
# The service runs with the full JIT (optimizedLaunch=false): the launcher's default trades peak speed for start-up.
set -euo pipefail
cd "$(dirname "$0")/.."
CONCURRENCY=${CONCURRENCY:-16}
DURATION=${DURATION:-20s}
PORT=${PORT:-8089}
OUT=target/bench
mkdir -p "$OUT"
for tool in wrk pgbench curl; do
  command -v "$tool" > /dev/null || { echo "bench/http.sh needs $tool (apt-get install wrk postgresql-client curl)"; exit 1; }
done

export FOLLOWUP_LOCAL_DIR="$PWD/$OUT/http-local"
rm -rf "$FOLLOWUP_LOCAL_DIR"
PORT=$PORT ./mvnw -q spring-boot:test-run -Dspring-boot.run.optimizedLaunch=false > "$OUT/http-service.log" 2>&1 &
LAUNCHER=$!
cleanup() { pkill -f LocalFollowupServiceApplication || true; wait "$LAUNCHER" 2> /dev/null || true; }
trap cleanup EXIT
for _ in $(seq 300); do [ -f "$FOLLOWUP_LOCAL_DIR/tokens.env" ] && break; sleep 1; done
# shellcheck disable=SC1091
source "$FOLLOWUP_LOCAL_DIR/tokens.env"
PGPORT=$(grep -o 'jdbc:postgresql://localhost:[0-9]*' "$OUT/http-service.log" | head -1 | sed 's/.*://')
PGURL="postgresql://postgres:postgres@localhost:$PGPORT/postgres"

DEBT_ID=$(curl -sf -X POST "$BASE_URL/external-api/v1/debts" -H "Authorization: Bearer $EXTERNAL_TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"external_reference": "BENCH-1", "debtor_name": "Bench", "amount": 100.00, "currency": "BRL"}' \
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

# Warm-up, then the measured runs.
wrk -t2 -c"$CONCURRENCY" -d5s -s "$OUT/post-followup.lua" "$BASE_URL/external-api/v1/followups" > /dev/null
wrk -t2 -c"$CONCURRENCY" -d"$DURATION" --latency -s "$OUT/post-followup.lua" "$BASE_URL/external-api/v1/followups" > "$OUT/wrk-post.txt"
wrk -t2 -c"$CONCURRENCY" -d"$DURATION" --latency -s "$OUT/get-config.lua" "$BASE_URL/backend/followup/configs/$CONFIG_ID" > "$OUT/wrk-get.txt"
pgbench -n -c "$CONCURRENCY" -j 2 -T "${DURATION%s}" -f "$OUT/insert-followup.sql" "$PGURL" > "$OUT/pgbench.txt" 2>&1

PID=$(pgrep -f LocalFollowupServiceApplication | head -1)
RSS_MB=$(( $(ps -o rss= -p "$PID") / 1024 ))
HEAP=$(jcmd "$PID" GC.heap_info 2> /dev/null | grep -Eo 'total [0-9]+K, used [0-9]+K' | head -1)

rate() { grep 'Requests/sec' "$1" | awk '{printf "%d", $2}'; }
pct() { grep -E "^ +$2%" "$1" | awk '{print $2}'; }
errors() { grep -Eo 'Non-2xx or 3xx responses: [0-9]+' "$1" | awk '{print $NF}' || true; }
POST_RPS=$(rate "$OUT/wrk-post.txt"); GET_RPS=$(rate "$OUT/wrk-get.txt")
RAW_TPS=$(grep -Eo 'tps = [0-9.]+' "$OUT/pgbench.txt" | head -1 | awk '{printf "%d", $3}')
RATIO=$(awk -v a="$POST_RPS" -v b="$RAW_TPS" 'BEGIN { printf "%.2f", a / b }')
{
  echo "| measurement (concurrency $CONCURRENCY, $DURATION) | result |"
  echo "| --- | --- |"
  echo "| POST /external-api/v1/followups | $POST_RPS req/s, p50 $(pct "$OUT/wrk-post.txt" 50), p99 $(pct "$OUT/wrk-post.txt" 99), non-2xx: $(errors "$OUT/wrk-post.txt")${POST_NON2XX:-0} |"
  echo "| GET /backend/followup/configs/{id} | $GET_RPS req/s, p50 $(pct "$OUT/wrk-get.txt" 50), p99 $(pct "$OUT/wrk-get.txt" 99) |"
  echo "| Raw PostgreSQL, the same insert via pgbench | $RAW_TPS tx/s |"
  echo "| Ratio service create / raw insert | **$RATIO** |"
  echo "| Service memory after the runs | RSS $RSS_MB MB; heap $HEAP |"
  echo
  echo "$(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%FT%TZ)"
} | tee "$OUT/http-results.md"

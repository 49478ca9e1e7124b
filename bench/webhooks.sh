#!/usr/bin/env bash
# Webhook delivery on one instance: a receiver on this machine (Python's threading HTTP server, answering 200 at once)
# subscribed to debt.created; batches of debts (POST /external-api/v1/debts/batch, 1,000 rows each: 1,000 events each)
# are created, and the receiver notes when each event arrives. Reports events delivered per second (first to last
# arrival of a round), the lateness of each event (its arrival minus its created_at) and the service's CPU per event.
# Needs python3, psql, curl, ss. Usage: bench/webhooks.sh
# Settings: ROUNDS (3), ROWS (1000 per batch), PORT (8089), RECEIVER_PORT (8095).
# Results: target/bench/webhooks-results.md
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
ROUNDS=${ROUNDS:-3}
ROWS=${ROWS:-1000}
PORT=${PORT:-8089}
RECEIVER_PORT=${RECEIVER_PORT:-8095}
OUT=target/bench
mkdir -p "$OUT"
needs python3 psql curl ss

cat > "$OUT/receiver.py" <<'PY'
import json, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from datetime import datetime
log = open(sys.argv[2], "a", buffering=1)
class Hook(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        now = time.time()
        event = json.loads(body)["event"]
        created = datetime.fromisoformat(event["created_at"]).timestamp()
        log.write(f"{now:.6f} {created:.6f} {event['id']}\n")
        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *args):
        pass
class Server(ThreadingHTTPServer):
    # socketserver's default listen backlog is 5: a burst of deliveries would find connections refused.
    request_queue_size = 1024
    daemon_threads = True
Server(("127.0.0.1", int(sys.argv[1])), Hook).serve_forever()
PY
: > "$OUT/received.log"
python3 "$OUT/receiver.py" "$RECEIVER_PORT" "$OUT/received.log" &
RECEIVER=$!
start_service webhooks
trap 'stop_service; kill $RECEIVER 2> /dev/null || true' EXIT

curl -sf -X POST "$BASE_URL/external-api/v1/webhooks" -H "Authorization: Bearer $EXTERNAL_TOKEN" -H "Content-Type: application/json" \
  -d '{"url": "http://127.0.0.1:'"$RECEIVER_PORT"'/hooks", "event_types": ["debt.created"]}' > /dev/null
batch() {
  python3 - "$1" "$ROWS" > "$OUT/batch.json" <<'PY'
import json, sys
tag, rows = sys.argv[1], int(sys.argv[2])
print(json.dumps({"batch_name": tag, "debts": [{"temp_id": f"{tag}-{i}", "firstname": "Bench", "lastname": f"Hook {i}",
    "email": f"{tag}.{i}@example.com", "amount": 10.0, "currency": "BRL", "internal_id": f"{tag}-{i}"} for i in range(rows)]}))
PY
  curl -sf -X POST "$BASE_URL/external-api/v1/debts/batch" -H "Authorization: Bearer $EXTERNAL_TOKEN" \
    -H "Content-Type: application/json" --data-binary @"$OUT/batch.json" > /dev/null
}
# A first round, not counted, so the JIT has seen the paths.
batch warmup
for _ in $(seq 120); do [ "$(wc -l < "$OUT/received.log")" -ge "$ROWS" ] && break; sleep 1; done

{
  echo "| round | events | delivered per second (first to last arrival) | lateness p50 / p99 / max | CPU ms per event: service / PostgreSQL |"
  echo "| --- | --- | --- | --- | --- |"
  for round in $(seq "$ROUNDS"); do
    : > "$OUT/received.log"
    s0=$(ticks_service); p0=$(ticks_postgres)
    batch "round$round-$RANDOM"
    for _ in $(seq 300); do [ "$(wc -l < "$OUT/received.log")" -ge "$ROWS" ] && break; sleep 0.5; done
    s1=$(ticks_service); p1=$(ticks_postgres)
    python3 - "$OUT/received.log" "$round" "$((s1 - s0))" "$((p1 - p0))" "$(getconf CLK_TCK)" <<'PY'
import sys
rows = [tuple(map(float, line.split()[:2])) for line in open(sys.argv[1])]
arrivals = sorted(r[0] for r in rows)
late = sorted((r[0] - r[1]) * 1000 for r in rows)
n = len(rows)
span = arrivals[-1] - arrivals[0] if n > 1 else float("nan")
tick = float(sys.argv[5])
pct = lambda p: late[min(n - 1, int(p * n))]
print(f"| {sys.argv[2]} | {n} | {n / span:,.0f} | {pct(0.5):,.0f} / {pct(0.99):,.0f} / {late[-1]:,.0f} ms "
      f"| {1000 * int(sys.argv[3]) / tick / n:.2f} / {1000 * int(sys.argv[4]) / tick / n:.2f} |")
PY
  done
  # Backlog: the receiver away while a batch is made (each first attempt fails at once, its retry waits a minute), then
  # back, and every pending delivery made due at once: how fast one instance drains a backlog.
  kill "$RECEIVER"; wait "$RECEIVER" 2> /dev/null || true
  batch "backlog-$RANDOM"
  for _ in $(seq 120); do
    [ "$(psql "$PGURL" -Atc "SELECT count(*) FROM webhook_delivery WHERE attempt = 2")" -ge "$ROWS" ] && break; sleep 0.5
  done
  : > "$OUT/received.log"
  python3 "$OUT/receiver.py" "$RECEIVER_PORT" "$OUT/received.log" &
  RECEIVER=$!
  sleep 1
  s0=$(ticks_service); p0=$(ticks_postgres)
  psql "$PGURL" -Atc "UPDATE job SET run_at = now() WHERE kind = 'webhook.deliver' AND status = 'pending'" > /dev/null
  for _ in $(seq 300); do [ "$(wc -l < "$OUT/received.log")" -ge "$ROWS" ] && break; sleep 0.5; done
  s1=$(ticks_service); p1=$(ticks_postgres)
  python3 - "$OUT/received.log" "$(getconf CLK_TCK)" "$((s1 - s0))" "$((p1 - p0))" <<'PY'
import sys
arrivals = sorted(float(line.split()[0]) for line in open(sys.argv[1]))
n = len(arrivals); tick = float(sys.argv[2])
print(f"| backlog drain | {n} | {n / (arrivals[-1] - arrivals[0]):,.0f} | (retries, made due together) "
      f"| {1000 * int(sys.argv[3]) / tick / n:.2f} / {1000 * int(sys.argv[4]) / tick / n:.2f} |")
PY
  echo
  echo "One instance, default settings (followup.jobs.batch-size 200, concurrency 1024); the receiver answers 200 at once on this"
  echo "machine; lateness counts from the event's created_at (its transaction) to its arrival. In the rounds the events come as"
  echo "fast as the batch makes them (100 rows a transaction), so the rate is the batch's; the backlog drain is delivery alone. $(nproc) cores shared by the receiver, PostgreSQL and the service; $(java -version 2>&1 | head -1); $(date -u +%FT%TZ)."
} | tee "$OUT/webhooks-results.md"

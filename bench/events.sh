#!/usr/bin/env bash
# Event intake benchmark, side by side in one run: POST /backend/followup/events under wrk, every event a
# lead.status_changed that enrolls a new lead (an enrollment row and its first step job), in batches of
# BATCH (100) at each concurrency of BATCH_CONCURRENCY and as single events at each of SINGLE_CONCURRENCY;
# each wrk run followed at once by pgbench running, in one transaction per event, the SQL statements the
# service ran for one such event (read from PostgreSQL's statement log at the start of the run and kept
# in target/bench/events-statements.log); the CPU milliseconds that the service, PostgreSQL and the load
# generator spent per event; and the service's memory afterwards. Before measuring it checks that a
# batch built by the wrk script answers 200 with every result `enrolled`; after, that the enrollment
# table holds one row per event sent.
# Needs wrk, pgbench, psql, curl, jq, strace, python3 (Debian: apt-get install wrk postgresql-client curl jq
# strace python3). Usage: bench/events.sh
# Settings: BATCH_CONCURRENCY ("2 4 8", a list), SINGLE_CONCURRENCY ("8 16"), BATCH (100, events per
# batch request), DURATION (15s per run), PORT (8093), WARMUP_MAX (600 s).
# Results: target/bench/events-results.md
# The service runs with the full JIT and is warmed up until the JIT has compiled the intake path (see
# start_service and warm_up in bench/lib.sh): cold, a batch of 100 takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
BATCH_CONCURRENCY=${BATCH_CONCURRENCY:-2 4 8}
SINGLE_CONCURRENCY=${SINGLE_CONCURRENCY:-8 16}
BATCH=${BATCH:-100}
DURATION=${DURATION:-15s}
PORT=${PORT:-8093}
OUT=target/bench
mkdir -p "$OUT"
needs wrk pgbench psql curl ss jq strace python3
rm -f "$OUT"/events-*.txt "$OUT"/events-*.cpu "$OUT"/events-*.time

start_service events

# The config's trigger status, its assistant, and the lead's channel; read by bench/events.lua too.
export ASSISTANT=0b5e6d7c-8f9a-4b1c-9d2e-3f4a5b6c7d8e STATUS=1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d \
  CHANNEL=0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f BACKEND_TOKEN
curl -sf -o /dev/null -X POST "$BASE_URL/backend/followup/configs" -H "Authorization: Bearer $BACKEND_TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"assistant_id": "'"$ASSISTANT"'", "trigger_status_ids": ["'"$STATUS"'"], "steps": [{"interval": "PT30M", "prompt": "Hello"}]}'
CONFIG_ID=$(psql "$PGURL" -Atc "SELECT id FROM followup_config WHERE assistant_id = '$ASSISTANT'")
EVENTS_URL="$BASE_URL/backend/followup/events"
# events RUN SIZE CONCURRENCY DURATION [DUMP]: sets WRK to a wrk command posting bodies of SIZE events
# (1: one event object); a batch may take seconds while the JIT warms up, hence the timeout.
events() {
  WRK=(wrk -t$(($3 < 2 ? $3 : 2)) -c"$3" -d"$4" --timeout 30s --latency -s bench/events.lua "$EVENTS_URL" -- "$1" "$2" ${5:+"$5"})
}
post() { curl -s -w '\n%{http_code}' -X POST "$EVENTS_URL" -H "Authorization: Bearer $BACKEND_TOKEN" -H 'Content-Type: application/json' "$@"; }

# The statements of one enrolling event, from PostgreSQL's log: the embedded server's stderr is a pipe
# nobody reads once it has started, so the log lines are taken from its backends' writes with strace.
statement_log() {
  local backends="" child tracer
  psql "$PGURL" -qAtc "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" > /dev/null
  for child in $(pgrep -P "$POSTMASTER"); do backends="$backends -p $child"; done
  # shellcheck disable=SC2086
  strace -f -qq -e trace=write -e signal=none -s 65536 -o "$OUT/events-strace.txt" $backends &
  tracer=$!
  sleep 1
  post -d '{"event_id": "probe-single", "type": "lead.status_changed", "assistant_id": "'"$ASSISTANT"'",
    "lead_id": "probe-single", "channel_id": "'"$CHANNEL"'", "status_id": "'"$STATUS"'", "occurred_at": "'"$(date -u +%FT%TZ)"'",
    "lead": {"first_name": "Ana", "phone": "+5511988887777"}}' > "$OUT/events-probe-single.txt"
  sleep 1
  kill "$tracer"; wait "$tracer" 2> /dev/null || true
  psql "$PGURL" -qAtc "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" > /dev/null
  # The transaction (BEGIN to COMMIT) of the backend that recorded the event, one log entry a statement.
  python3 - "$OUT/events-strace.txt" > "$OUT/events-statements.log" <<'PY'
import codecs, re, sys
text = {}
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.match(r'(\d+) +write\(2, "(.*)", \d+\)', line)
    if m:
        text[m[1]] = text.get(m[1], "") + codecs.escape_decode(m[2].encode())[0].decode("utf-8", "replace")
for log in text.values():
    entries = re.split(r"^\S+ \S+ UTC \[\d+\] (?=LOG|DETAIL)", log, flags=re.M)
    entries = [e.rstrip() for e in entries if e.strip()]
    at = next((i for i, e in enumerate(entries) if "INSERT INTO lead_event" in e), None)
    if at is None:
        continue
    begin = max(i for i in range(at + 1) if entries[i].endswith("BEGIN"))
    end = next(i for i in range(at, len(entries)) if entries[i].endswith("COMMIT"))
    print("\n".join(entries[begin:end + 1]))
PY
}
statement_log
SERVICE_STATEMENTS=$(grep -c '^LOG:' "$OUT/events-statements.log" || true)

# pgbench: the same statements in one transaction per event, the values of the logged event inlined
# (times as now()), the ids unique per run (RUN, 8 digits), client and counter: the lead and event ID
# pgb-RUN-N, N of 12 decimal digits, which makes the enrollment ID RUN-0000-4000-8000-N a valid UUID.
# Prepared statements (-M prepared), as the service's: its JDBC driver turns a statement it ran five
# times on a connection into a server-side prepared one (S_1, S_2, ... in the log), planned once. Planned
# anew each time (-M simple or extended), the same transaction cost PostgreSQL two to three times the
# CPU (1.5 to 2.3 ms against 0.8 ms): the select of the enrollment, on a table with eight indexes, alone
# took 1 ms. With -M prepared every variable is a parameter of its own, never part of a literal, and a
# literal holds no colon followed by a name (pgbench would take it for a variable): E'\x3a' is a colon.
STEP='{"error": null, "state": "%s", "app_id": null, "due_at": %s, "job_id": %s, "number": 1, "prompt": "Hello", "source": "steps", "channel": "assistant", "read_at": null, "resends": 0, "sent_at": null, "interval": "PT30M", "finished_at": null, "delivered_at": null, "template_name": null, "template_header": null, "template_params": [], "template_language": null, "provider_error_code": null, "provider_message_id": null}'
# shellcheck disable=SC2059
PENDING=$(printf "$STEP" pending null null)
# shellcheck disable=SC2059
SCHEDULED=$(printf "$STEP" scheduled '"2026-01-01T00:30:00Z"' 1)
ENROLLMENT="(:run || '-0000-4000-8000-' || :n)"
LEAD="('pgb-' || :run || '-' || :n)"
cat > "$OUT/events-enroll.sql" <<SQL
\set k :k + 1
\set n 100000000000 + :client_id * 1000000000 + :k
BEGIN;
INSERT INTO lead_event (tenant_id, event_id, type, outcome, received_at) VALUES ('$TENANT_ID', $LEAD, 'lead.status_changed', 'processing', now())
  ON CONFLICT (tenant_id, event_id) DO NOTHING;
SELECT EXISTS (SELECT 1 FROM lead_opt_out WHERE tenant_id = '$TENANT_ID' AND channel_id = '$CHANNEL' AND lead_id = $LEAD);
select e1_0.id,e1_0.app_id,e1_0.assistant_id,e1_0.channel_id,e1_0.config_id,e1_0.created_at,e1_0.current_step,e1_0.finished_at,e1_0.lead,e1_0.lead_id,e1_0.lead_phone,e1_0.status,e1_0.steps,e1_0.stop_reason,e1_0.tenant_id,e1_0.trigger_status_id,e1_0.trigger_status_ids,e1_0.triggered_at,e1_0.updated_at,e1_0.version from enrollment e1_0 where e1_0.tenant_id='$TENANT_ID' and e1_0.assistant_id='$ASSISTANT' and e1_0.lead_id=$LEAD and e1_0.status='active' for no key update of e1_0;
select fc1_0.id,fc1_0.is_active,fc1_0.assistant_id,fc1_0.created_at,fc1_0.official_steps,fc1_0.steps,fc1_0.tenant_id,fc1_0.trigger_status_ids,fc1_0.updated_at,fc1_0.version from followup_config fc1_0 where fc1_0.tenant_id='$TENANT_ID' and fc1_0.assistant_id='$ASSISTANT';
insert into enrollment (app_id,assistant_id,channel_id,config_id,created_at,current_step,finished_at,lead,lead_id,lead_phone,status,steps,stop_reason,tenant_id,trigger_status_id,trigger_status_ids,triggered_at,updated_at,version,id)
  values (NULL,'$ASSISTANT','$CHANNEL','$CONFIG_ID',now(),1,NULL,'{"phone": "+5511988887777", "first_name": "Ana"}',$LEAD,'+5511988887777','active','[$PENDING]',NULL,'$TENANT_ID','$STATUS','{$STATUS}',now(),now(),0,$ENROLLMENT::uuid);
INSERT INTO job (kind, payload, run_at, max_attempts, dedupe_key, created_at)
  VALUES ('followup.step', ('{"enrollment_id":"' || $ENROLLMENT || '","step":1}')::jsonb, now() + interval '30 minutes', 8, 'enrollment' || E'\\x3a' || $ENROLLMENT || E'\\x3astep\\x3a1', now())
  ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
  RETURNING id;
UPDATE lead_event SET outcome = 'enrolled', detail = NULL WHERE tenant_id = '$TENANT_ID' AND event_id = $LEAD;
update enrollment set current_step=1,finished_at=NULL,status='active',steps='[$SCHEDULED]',stop_reason=NULL,updated_at=now(),version=1 where id=$ENROLLMENT::uuid and version=0;
COMMIT;
SQL
PGBENCH_STATEMENTS=$(grep -c '^[A-Za-z]' "$OUT/events-enroll.sql")
PGBENCH_RUN=10000000
# enroll NAME CONCURRENCY: a pgbench run of the script above.
enroll() {
  PGBENCH_RUN=$((PGBENCH_RUN + 1))
  measure "$1" pgbench -n -M prepared -c "$2" -j 2 -T "${DURATION%s}" -D k=0 -D run="$PGBENCH_RUN" -f "$OUT/events-enroll.sql" "$PGURL"
}
# settle: waits until the service has finished the requests still in flight when wrk stopped.
enrollments() { psql "$PGURL" -Atc "SELECT count(*) FROM enrollment WHERE lead_id NOT LIKE 'pgb-%'"; }
settle() {
  local before after
  before=$(enrollments)
  while sleep 1; after=$(enrollments); [ "$after" != "$before" ]; do before=$after; done
}

# Before measuring: one batch built by the wrk script (the request wrk builds to check the script and
# never sends) is valid JSON, answers 200, and every event in it enrolled.
events check "$BATCH" 1 1s "$OUT/events-probe-batch.json"
"${WRK[@]}" > "$OUT/events-check.txt"
jq -e "length == $BATCH" "$OUT/events-probe-batch.json" > /dev/null || { echo "the wrk script built no batch of $BATCH"; exit 1; }
post --data-binary "@$OUT/events-probe-batch.json" > "$OUT/events-probe-batch.txt"
PROBE_STATUS=$(tail -1 "$OUT/events-probe-batch.txt")
PROBE_OUTCOMES=$(head -n -1 "$OUT/events-probe-batch.txt" | jq -c '[.results[].outcome] | group_by(.) | map({(.[0]): length}) | add')
echo "check: a batch of $BATCH from bench/events.lua answers $PROBE_STATUS, outcomes $PROBE_OUTCOMES; one single event: $(tr '\n' ' ' < "$OUT/events-probe-single.txt")"
[ "$PROBE_STATUS" = 200 ] && [ "$PROBE_OUTCOMES" = "{\"enrolled\":$BATCH}" ] || { echo "the batch did not enroll every event"; exit 1; }

# Warm-up until the JIT has compiled the intake path, for batches and for single events.
WARM=0
warm_round() {
  WARM=$((WARM + 1))
  events "warm${WARM}b" "$BATCH" 4 10s
  "${WRK[@]}" > "$OUT/events-warm$WARM-batch.txt"
  events "warm${WARM}s" 1 8 3s
  "${WRK[@]}" > "$OUT/events-warm$WARM-single.txt"
}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
warm_up warm_round
settle

for c in $BATCH_CONCURRENCY; do
  events "batch${c}b" "$BATCH" "$c" "$DURATION"
  measure "events-batch-$c" "${WRK[@]}"
  settle
  enroll "events-pgbench-batch-$c" "$c"
done
for c in $SINGLE_CONCURRENCY; do
  events "single${c}s" 1 "$c" "$DURATION"
  measure "events-single-$c" "${WRK[@]}"
  settle
  enroll "events-pgbench-single-$c" "$c"
done

RSS_MB=$(( $(ps -o rss= -p "$SERVICE") / 1024 ))
HEAP=$(jcmd "$SERVICE" GC.heap_info 2> /dev/null | grep -Eo 'total [0-9]+K, used [0-9]+K' | head -1)
JVM=$(jcmd "$SERVICE" VM.version 2> /dev/null | sed -n 2p)
SENT=$(cat "$OUT"/events-*.txt | awk '/^events sent:/ {n += $3} END {print n + 0}')
SENT=$((SENT + BATCH + 1)) # and the two checks sent with curl
ROWS=$(enrollments)
OUTCOMES=$(psql "$PGURL" -Atc "SELECT string_agg(outcome || ' ' || n, ', ') FROM (SELECT outcome, count(*) AS n FROM lead_event WHERE event_id NOT LIKE 'pgb-%' GROUP BY 1) o")
JOBS=$(psql "$PGURL" -Atc "SELECT count(*) FROM enrollment e JOIN job j ON j.dedupe_key = 'enrollment:' || e.id || ':step:1' WHERE e.lead_id NOT LIKE 'pgb-%'")
ERRORS=$(grep -Eac ' (ERROR|WARN) ' "$SERVICE_LOG" || true)
socket_errors() { grep -Eo 'Socket errors: .*' "$OUT/$1.txt" | grep -Eo '[0-9]+' | awk '{n += $1} END {print n + 0}'; }
# row NAME KIND CONCURRENCY SIZE: one line of the table, the wrk run NAME and its pgbench run.
row() {
  local name=$1 kind=$2 c=$3 size=$4 raw events_s ratio
  raw="events-pgbench-$kind-$c"
  events_s=$(awk -v r="$(grep 'Requests/sec' "$OUT/$name.txt" | awk '{print $2}')" -v n="$size" 'BEGIN { printf "%d", r * n }')
  ratio=$(awk -v a="$events_s" -v b="$(tps "$raw")" 'BEGIN { printf "%.2f", a / b }')
  echo "| $kind | $c | **$events_s** | $(rate "$name") | $(pct "$name" 50) / $(pct "$name" 99) | $(non2xx "$name") / $(socket_errors "$name") | $(tps "$raw") | **$ratio** | $(cpu_ms "$name" "$(( $(count "$name") * size ))") | $(cpu_ms "$raw" "$(txs "$raw")") | $(busy "$name") / $(busy "$raw") |"
}
{
  echo "| events | concurrency | events/s | requests/s | p50 / p99 per request | non-2xx / socket errors | pgbench, same statements: tx/s (= events/s) | ratio | CPU ms per event: service / PostgreSQL / wrk | CPU ms per pgbench tx: service / PostgreSQL / pgbench | machine busy (wrk / pgbench) |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  for c in $BATCH_CONCURRENCY; do row "events-batch-$c" batch "$c" "$BATCH"; done
  for c in $SINGLE_CONCURRENCY; do row "events-single-$c" single "$c" 1; done
  echo
  echo "Batches of $BATCH lead.status_changed events, each enrolling a new lead (an enrollment and its first step job); single events the same, one per request."
  echo "Statements per event: $SERVICE_STATEMENTS logged by PostgreSQL for one event (target/bench/events-statements.log), $PGBENCH_STATEMENTS in the pgbench script (target/bench/events-enroll.sql), BEGIN and COMMIT included."
  echo "Events sent: $SENT; enrollment rows: $ROWS, with a first step job: $JOBS; event outcomes: $OUTCOMES. Service log lines at WARN or ERROR: $ERRORS."
  echo "Service memory after the runs: RSS $RSS_MB MB; heap $HEAP."
  echo "Warm-up ${WARMUP_SECONDS}s (until a round compiled fewer than 20 methods). Each run $DURATION; $(nproc) cores shared by wrk or pgbench, PostgreSQL and the service (and anything else running; see machine busy; load average before the warm-up $LOAD_BEFORE); service JVM $JVM; $(date -u +%FT%TZ)."
} | tee "$OUT/events-results.md"
[ "$SENT" = "$ROWS" ] || echo "MISMATCH: $SENT events sent, $ROWS enrollment rows"

# Shared by the bench/*.sh scripts (sourced, not run): starting the service, finding its PostgreSQL,
# the CPU each side spends during a load run, the JIT warm-up, and reading wrk's and pgbench's output.
# The caller sets OUT (the results folder) and PORT before start_service.

# needs TOOL...: stops the calling script unless every tool is installed.
needs() {
  local tool
  for tool in "$@"; do
    command -v "$tool" > /dev/null || { echo "$0 needs $tool (apt-get install wrk postgresql-client curl iproute2)"; exit 1; }
  done
}

# start_service NAME [JVM_ARGS]: starts the service with the full JIT (optimizedLaunch=false: the
# launcher's default, C1 only, trades peak speed for start-up and made the service look several times
# slower than it is), its log in $OUT/NAME-service.log and its local files in $OUT/NAME-local, and
# waits for it. Sets SERVICE (the JVM's PID), the tokens of tokens.env (BASE_URL, BACKEND_TOKEN, ...),
# PGPORT, PGURL and POSTMASTER (the embedded PostgreSQL's PID).
start_service() {
  local name=$1 jvm_args=${2:-}
  SERVICE_LOG="$OUT/$name-service.log"
  export FOLLOWUP_LOCAL_DIR="$PWD/$OUT/$name-local"
  # A benchmark measures the service, not GetBill's 1,000 reads and 500 writes an hour: budgets no run can spend.
  # FOLLOWUP_API_RATE_LIMIT_STORE (postgresql, the default, or local) picks where they are counted.
  export FOLLOWUP_API_RATE_LIMIT_READS=${FOLLOWUP_API_RATE_LIMIT_READS:-1000000000}
  export FOLLOWUP_API_RATE_LIMIT_WRITES=${FOLLOWUP_API_RATE_LIMIT_WRITES:-1000000000}
  rm -rf "$FOLLOWUP_LOCAL_DIR"
  PORT=$PORT ./mvnw -q spring-boot:test-run -Dspring-boot.test-run.optimizedLaunch=false \
    "-Dspring-boot.test-run.jvmArguments=$jvm_args" > "$SERVICE_LOG" 2>&1 &
  LAUNCHER=$!
  SERVICE=""
  trap stop_service EXIT
  for _ in $(seq 300); do [ -f "$FOLLOWUP_LOCAL_DIR/tokens.env" ] && break; sleep 1; done
  SERVICE=$(ss -Hltnp "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  [ -n "$SERVICE" ] || { echo "the service did not start; see $SERVICE_LOG"; exit 1; }
  # shellcheck disable=SC1091
  source "$FOLLOWUP_LOCAL_DIR/tokens.env"
  PGPORT=$(grep -a -o 'jdbc:postgresql://localhost:[0-9]*' "$SERVICE_LOG" | head -1 | sed 's/.*://')
  PGURL="postgresql://postgres:postgres@localhost:$PGPORT/postgres"
  POSTMASTER=$(head -1 "$FOLLOWUP_LOCAL_DIR/postgres/postmaster.pid")
}

# Only the processes this script started: other builds and benchmarks may share the machine.
stop_service() {
  [ -n "$SERVICE" ] && kill "$SERVICE" 2> /dev/null || true
  wait "$LAUNCHER" 2> /dev/null || true
}

# CPU time (clock ticks) of the service JVM, and of PostgreSQL: the postmaster, its live backends, and
# the backends that already exited (counted in the postmaster's children times).
ticks_service() { awk '{print $14 + $15}' "/proc/$SERVICE/stat"; }
ticks_postgres() {
  local sum child
  sum=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$POSTMASTER/stat")
  for child in $(pgrep -P "$POSTMASTER"); do
    sum=$((sum + $(awk '{print $14 + $15}' "/proc/$child/stat" 2> /dev/null || echo 0)))
  done
  echo "$sum"
}
# measure NAME COMMAND...: runs the load generator, keeping its output in $OUT/NAME.txt and, in
# $OUT/NAME.cpu, the CPU seconds of service, PostgreSQL and load generator, and of the whole machine.
measure() {
  local name=$1; shift
  local s0 p0 m0 s1 p1 m1
  s0=$(ticks_service); p0=$(ticks_postgres); m0=$(awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat)
  /usr/bin/time -f "%U %S" -o "$OUT/$name.time" "$@" > "$OUT/$name.txt" 2>&1
  sleep 1 # the postmaster reaps the backends of pgbench's closed connections, adding their CPU to its own
  s1=$(ticks_service); p1=$(ticks_postgres); m1=$(awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat)
  awk -v s=$((s1 - s0)) -v p=$((p1 - p0)) -v m=$((m1 - m0)) -v t="$(getconf CLK_TCK)" \
    '{ printf "%.2f %.2f %.2f %.2f\n", s / t, p / t, $1 + $2, m / t }' "$OUT/$name.time" > "$OUT/$name.cpu"
}

# warm_up ROUND: runs the command ROUND (a load of about 13 s on the paths to measure) until the JIT
# has compiled them: a round that compiles fewer than 20 methods (at most WARMUP_MAX seconds, 600).
# A fixed time is not enough: on 2 busy cores the one C2 thread took over 5 minutes to drain 2,000
# queued methods, and until then POST ran at a tenth of its warm rate; the queue alone misleads too,
# as it fills in waves. Sets WARMUP_SECONDS.
compiles() { jcmd "$SERVICE" PerfCounter.print 2> /dev/null | grep -Eo 'sun.ci.totalCompiles=[0-9]+' | cut -d= -f2; }
warm_up() {
  local round=$1 warm_start=$SECONDS before after
  WARMUP_MAX=${WARMUP_MAX:-600}
  before=$(compiles)
  while :; do
    "$round"
    after=$(compiles)
    [ $((after - before)) -lt 20 ] && break
    [ $((SECONDS - warm_start)) -ge "$WARMUP_MAX" ] && { echo "warm-up: the JIT still compiles after ${WARMUP_MAX}s"; break; }
    before=$after
  done
  WARMUP_SECONDS=$((SECONDS - warm_start))
}

# Reading the output of a measure NAME run (wrk: rate, count, pct, non2xx; pgbench: tps, txs).
rate() { grep 'Requests/sec' "$OUT/$1.txt" | awk '{printf "%d", $2}'; }
count() { grep -Eo '[0-9]+ requests in' "$OUT/$1.txt" | awk '{print $1}'; }
pct() { grep -E "^ +$2%" "$OUT/$1.txt" | awk '{print $2}'; }
non2xx() { grep -Eo 'Non-2xx or 3xx responses: [0-9]+' "$OUT/$1.txt" | awk '{n = $NF} END {print n + 0}'; }
tps() { grep -Eo 'tps = [0-9.]+' "$OUT/$1.txt" | head -1 | awk '{printf "%d", $3}'; }
txs() { grep -Eo 'actually processed: [0-9]+' "$OUT/$1.txt" | awk '{print $NF}'; }
busy() { awk -v d="${DURATION%s}" -v cores="$(nproc)" '{ printf "%d%%", 100 * $4 / (d * cores) }' "$OUT/$1.cpu"; }
# cpu_ms NAME N: CPU milliseconds per request (or per event) of service / PostgreSQL / load generator,
# over N of them; busy NAME: the machine's busy share
cpu_ms() { awk -v n="$2" '{ printf "%.3f / %.3f / %.3f", 1000 * $1 / n, 1000 * $2 / n, 1000 * $3 / n }' "$OUT/$1.cpu"; }

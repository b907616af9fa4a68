#!/usr/bin/env bash
# How long an accepted checkout waits for its payment: the time from the 202 (the order's commit) to CONFIRMED,
# measured from the orders' own status history, in one run on one machine:
#   1. steady: checkouts at a fixed rate (open model) with the provider answering in ~50 ms;
#   2. outage: the same rate, and 30 s into it the provider refuses every connection for BENCH_OUTAGE; afterwards,
#      how long the backlog takes to drain and what its orders waited.
# Starts the platform in its own state directory on the default ports; prints Markdown. Needs psql and curl
# (Debian/Ubuntu: apt-get install postgresql-client curl).
#
#   BENCH_DURATION (60s)  load per phase           BENCH_RATE (40)          checkouts per second
#   BENCH_OUTAGE (30s)    provider outage          BENCH_STATE_DIR          platform state (target/bench-saga-state)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$home"
. scripts/find-jdk.sh
require_java
. scripts/bench-common.sh
require_tools bench-saga psql curl
export SHOPSCALE_STATE_DIR="${BENCH_STATE_DIR:-$home/target/bench-saga-state}"
lift_rate_limits API CREDENTIALS
# A provider of a real one's speed: ~50 ms a charge.
export SHOPSCALE_PSP_LATENCY="${SHOPSCALE_PSP_LATENCY:-45ms}"
export SHOPSCALE_PSP_JITTER="${SHOPSCALE_PSP_JITTER:-10ms}"
duration="${BENCH_DURATION:-60s}"
rate="${BENCH_RATE:-40}"
outage="${BENCH_OUTAGE:-30s}"
seconds="${duration%s}"
outage_seconds="${outage%s}"
loadtest="$home/loadtest/target/loadtest-0.1.0-SNAPSHOT-exec.jar"
export PGHOST=127.0.0.1 PGPORT=15432 PGUSER=postgres PGDATABASE=postgres

for value in "$seconds" "$outage_seconds"; do
  [[ "$value" =~ ^[0-9]+$ ]] || { echo "bench-saga: durations must be whole seconds, like 60s" >&2; exit 1; }
done
((outage_seconds + 30 <= seconds)) || { echo "bench-saga: BENCH_DURATION must exceed BENCH_OUTAGE by 30s" >&2; exit 1; }
[ -f "$loadtest" ] || ./mvnw -q -DskipTests package
start_platform bench-saga
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

sql() { psql -X -q -v ON_ERROR_STOP=1 -At -F ' | ' -c "$1"; }
now() { sql "SELECT clock_timestamp()"; }
loadtest_run() {
  "$java" --enable-native-access=ALL-UNNAMED -jar "$loadtest" checkout --rate "$rate" --duration "$1" \
    --warmup 0s 2>>"$log"
}
# Waits until no order placed since $1 still waits for payment (at most 5 minutes).
await_settled() {
  for _ in $(seq 1 300); do
    [ "$(sql "SELECT count(*) FROM orders.orders WHERE placed_at >= '$1' AND status = 'PENDING_PAYMENT'")" = 0 ] \
      && return 0
    sleep 1
  done
  echo "bench-saga: orders placed since $1 are still waiting for payment after 5 minutes" >&2
  return 1
}
# Per final status: orders, and p50/p95/p99/max of the time from the 202 to that status, for orders placed in
# [$1, $2).
waits() {
  sql "SELECT o.status || coalesce(' (' || o.cancel_reason || ')', ''), count(*),
              round(extract(epoch FROM percentile_cont(0.50) WITHIN GROUP (ORDER BY c.changed_at - o.placed_at)) * 1000),
              round(extract(epoch FROM percentile_cont(0.95) WITHIN GROUP (ORDER BY c.changed_at - o.placed_at)) * 1000),
              round(extract(epoch FROM percentile_cont(0.99) WITHIN GROUP (ORDER BY c.changed_at - o.placed_at)) * 1000),
              round(extract(epoch FROM max(c.changed_at - o.placed_at)) * 1000)
       FROM orders.orders o JOIN orders.order_status_change c ON c.order_id = o.id AND c.seq = 2
       WHERE o.placed_at >= '$1' AND o.placed_at < '$2'
       GROUP BY 1 ORDER BY 1" | sed 's/^/| /; s/$/ |/'
}
table_head() {
  echo "| final status | orders | p50 ms | p95 ms | p99 ms | max ms |"
  echo "|---|---:|---:|---:|---:|---:|"
}

# A short unrecorded run warms the path up (JIT, pools, the payment breaker's window).
loadtest_run 15s >/dev/null
await_settled "$(sql "SELECT now() - interval '1 minute'")"

steady_start=$(now)
steady_md=$(loadtest_run "$duration")
steady_end=$(now)
await_settled "$steady_start"

outage_start=$(now)
loadtest_run "$duration" >"$SHOPSCALE_STATE_DIR/outage-load.md" &
load_pid=$!
sleep 30
./shopscale psp --outage >/dev/null
provider_down=$(now)
sleep "$outage_seconds"
./shopscale psp --no-outage >/dev/null
provider_back=$(now)
wait "$load_pid"
outage_end=$(now)
await_settled "$outage_start"
drain=$(sql "SELECT round(extract(epoch FROM max(c.changed_at) - '$provider_back'::timestamptz)::numeric, 1)
             FROM orders.orders o JOIN orders.order_status_change c ON c.order_id = o.id AND c.seq = 2
             WHERE o.placed_at >= '$outage_start' AND o.placed_at < '$outage_end'")
backlog=$(sql "SELECT count(*) FROM orders.orders o JOIN orders.order_status_change c ON c.order_id = o.id AND c.seq = 2
               WHERE o.placed_at >= '$outage_start' AND c.changed_at > '$provider_back'")

echo "## From 202 to CONFIRMED: the payment saga's latency"
echo
echo "Checkouts at ${rate}/s (open model), 1–2 random non-hot SKUs; the provider simulator answers in"
echo "${SHOPSCALE_PSP_LATENCY} + up to ${SHOPSCALE_PSP_JITTER}. Times are from each order's status history: placed (the"
echo "commit the 202 reports) to its final status."
echo
echo "### Steady, ${duration}"
echo
echo "$steady_md"
echo
table_head
waits "$steady_start" "$steady_end"
echo
echo "### Provider outage of ${outage} during ${duration} of load"
echo
echo "The provider refused connections from $(date -u -d "$provider_down" +%T) to $(date -u -d "$provider_back" +%T) UTC;"
echo "checkouts kept being accepted. **${backlog} orders** were finished after the provider returned; the last one"
echo "**${drain} s** after it returned."
echo
table_head
waits "$outage_start" "$outage_end"
echo
echo "Commands: \`scripts/bench-saga.sh\` (BENCH_RATE=$rate BENCH_DURATION=$duration BENCH_OUTAGE=$outage), i.e."
echo "\`loadtest checkout --rate $rate --duration $duration\` and \`./shopscale psp --outage\` / \`--no-outage\`."
echo
echo "_$(nproc) cores, load average before: ${load_before}, after: $(cut -d' ' -f1-3 /proc/loadavg); $("$java" -version 2>&1 | head -n 1); the platform and the load generator share the machine._"

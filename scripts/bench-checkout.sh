#!/usr/bin/env bash
# What checkout and a hot-SKU reservation cost next to the bare database work they do. In one run, on one machine:
#   1. inventory's gRPC Reserve on one hot SKU (closed model), then pgbench running the same SQL
#      (scripts/pgbench/reserve.sql) with as many clients;
#   2. POST /api/orders through the gateway back to back (closed model: the ceiling), then at a fixed rate (open
#      model: latency of the 202s), then pgbench running the same transactions (scripts/pgbench/checkout.sql);
#      each after the sagas of the checkouts before it have ended.
# Starts the platform in its own state directory on the default ports; prints Markdown. Needs pgbench and psql
# (Debian/Ubuntu: apt-get install postgresql-client).
#
#   BENCH_DURATION (20s)  measured time per run     BENCH_WARMUP (5s)         unrecorded time before each run
#   BENCH_RATE (100)      open-model checkouts/s    BENCH_CONCURRENCY (16)    callers / pgbench clients
#   BENCH_STATE_DIR       platform state (default target/bench-checkout-state)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$home"
. scripts/find-jdk.sh
require_java
. scripts/bench-common.sh
require_tools bench-checkout pgbench psql curl
# Its own state directory: the admin password below only takes effect when the admin account is first created.
export SHOPSCALE_STATE_DIR="${BENCH_STATE_DIR:-$home/target/bench-checkout-state}"
lift_rate_limits API CREDENTIALS
# The password must not contain "admin", the email's local part.
export SHOPSCALE_ADMIN_PASSWORD="${SHOPSCALE_ADMIN_PASSWORD:-correct horse battery staple 2024}"
duration="${BENCH_DURATION:-20s}"
warmup="${BENCH_WARMUP:-5s}"
rate="${BENCH_RATE:-100}"
clients="${BENCH_CONCURRENCY:-16}"
seconds="${duration%s}"
loadtest="$home/loadtest/target/loadtest-0.1.0-SNAPSHOT-exec.jar"
gateway="http://127.0.0.1:8080"
hot_sku="BEN-00001"
export PGHOST=127.0.0.1 PGPORT=15432 PGUSER=postgres PGDATABASE=postgres

[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "bench-checkout: BENCH_DURATION must be whole seconds, like 20s" >&2; exit 1; }
[ -f "$loadtest" ] || ./mvnw -q -DskipTests package
start_platform bench-checkout
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

sql() { psql -X -q -v ON_ERROR_STOP=1 -At -c "$1"; }
json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }
json_number() { sed -n "s/.*\"$1\":\\([0-9][0-9]*\\).*/\\1/p"; }
# A column of the one data row of a Markdown table, by its header.
column() {
  awk -F'|' -v name="$1" 'NR == 1 { for (i = 2; i < NF; i++) { h = $i; gsub(/^ +| +$/, "", h); if (h == name) c = i } }
    NR == 3 { v = $c; gsub(/^ +| +$/, "", v); print v }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
# pgbench's "tps = 1234.5 (without initial connection time)" and "latency average = 12.3 ms".
tps() { sed -n 's/^tps = \([0-9.]*\) .*/\1/p' | head -n 1; }
latency() { sed -n 's/^latency average = \([0-9.]*\) ms/\1/p'; }
pgbench_run() {
  pgbench -n -M prepared -c "$clients" -j 2 -T "$seconds" -f "$1" 2>>"$log"
}
loadtest_run() {
  "$java" --enable-native-access=ALL-UNNAMED -jar "$loadtest" "$@" 2>>"$log"
}

# The admin sets the hot SKU's stock; the checkout rows for pgbench are inserted directly (a thousand of them).
admin_token=$(curl -fsS --retry 10 --retry-all-errors --retry-delay 2 -H 'Content-Type: application/json' \
  -d "{\"email\":\"admin@shopscale.local\",\"password\":\"$SHOPSCALE_ADMIN_PASSWORD\"}" "$gateway/api/auth/login" \
  | json_field accessToken)
[ -n "$admin_token" ] || { echo "bench-checkout: could not log in as admin@shopscale.local" >&2; exit 1; }
# A compare-and-set on the version just read; nothing else moves the hot SKU between runs.
restock() {
  local version
  version=$(curl -fsS --retry 10 --retry-all-errors --retry-delay 2 -H "Authorization: Bearer $admin_token" \
    "$gateway/api/admin/inventory/$hot_sku" | json_number version)
  curl -fsS --retry 10 --retry-all-errors --retry-delay 2 -o /dev/null -X PUT -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
    -d "{\"available\":1000000,\"version\":${version:-0}}" "$gateway/api/admin/inventory/$hot_sku"
}
# Benchmark rows only: reservations on BEN-* SKUs and the orders of the pgbench-N users go, BEN-* stock refills.
reset_bench_rows() {
  sql "DELETE FROM inventory.reservation r USING inventory.reservation_line l
         WHERE l.order_id = r.order_id AND l.sku LIKE 'BEN-%';
       DELETE FROM orders.orders WHERE user_id LIKE 'pgbench-%';
       DELETE FROM orders.idempotency_key WHERE user_id LIKE 'pgbench-%';
       INSERT INTO inventory.stock (sku, available, reserved, sold)
       SELECT 'BEN-' || n, 1000000, 0, 0 FROM generate_series(10001, 11000) AS n
       ON CONFLICT (sku) DO UPDATE SET available = 1000000, reserved = 0, sold = 0, updated_at = now();
       INSERT INTO inventory.stock (sku, available, reserved, sold) VALUES ('$hot_sku', 0, 0, 0)
       ON CONFLICT (sku) DO UPDATE SET reserved = 0, sold = 0;" >/dev/null
  # psql -c runs several statements as one transaction, and VACUUM refuses to run inside one.
  sql "VACUUM ANALYZE inventory.stock, inventory.reservation, inventory.reservation_line, orders.orders,
         orders.idempotency_key, orders.event_publication;" >/dev/null
  restock
}

# Each accepted checkout's saga (the charge, the confirmation) goes on after its 202. The next measurement waits
# for it to end, so that no run pays for the work the one before left behind.
settle() {
  local pending waited
  for waited in $(seq 0 180); do
    pending=$(sql "SELECT count(*) FROM orders.orders WHERE status = 'PENDING_PAYMENT'")
    [ "$pending" = 0 ] && return
    sleep 1
  done
  echo "bench-checkout: $pending orders still wait for payment after ${waited} s; measuring anyway" >&2
}

# Where the CPU of a checkout goes: each component's processes (with their children: PostgreSQL's backends,
# Redis) in clock ticks, as "name ticks" lines; PostgreSQL's server runs apart from the stores process.
cpu_ticks() {
  local pid="$1" child total
  total=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
  for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do
    total=$((total + $(cpu_ticks "$child")))
  done
  echo "$total"
}
# A process that hosts several components (the compact topology's one JVM) is counted once, under their names
# joined by "+", not once per component.
cpu_snapshot() {
  local name pid
  ./shopscale status | awk 'NR > 1 && $4 ~ /^[0-9]+$/ { seen = ($4 in names); names[$4] = seen ? names[$4] "+" $1 : $1 }
      END { for (pid in names) print names[pid], pid }' | while read -r name pid; do
    echo "$name $(cpu_ticks "$pid")"
  done | awk '{ ticks[$1] += $2 } END { for (name in ticks) print name, ticks[name] }'
  echo "postgres $(cpu_ticks "$(head -n 1 "$(sql "SHOW data_directory")/postmaster.pid")")"
}
commits() { sql "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()"; }
orders_placed() { sql "SELECT count(*) FROM orders.orders"; }

# Right after start the gateway may not have discovered every service yet: the curls retry. The hot SKU is a
# benchmark-only row like the others (the seed has no BEN-* stock), created here; the admin then sets its stock.
reset_bench_rows
reserve_md=$(loadtest_run reserve --sku "$hot_sku" --concurrency "$clients" --duration "$duration" --warmup "$warmup")
reserve_rate=$(column "reserved/s" <<<"$reserve_md")
reset_bench_rows
pg_reserve=$(pgbench_run scripts/pgbench/reserve.sql)
pg_reserve_tps=$(tps <<<"$pg_reserve")
pg_reserve_ms=$(latency <<<"$pg_reserve")
reset_bench_rows

# A freshly started platform needs its checkout path warmed up (JIT, pools) before any run means anything; this
# run is not reported.
loadtest_run checkout --concurrency "$clients" --duration "$warmup" --warmup "$warmup" >/dev/null
settle
closed_md=$(loadtest_run checkout --concurrency "$clients" --duration "$duration" --warmup "$warmup")
settle
cpu_before=$(cpu_snapshot)
commits_before=$(commits)
orders_before=$(orders_placed)
open_md=$(loadtest_run checkout --rate "$rate" --duration "$duration" --warmup "$warmup")
settle
cpu_after=$(cpu_snapshot)
commits_after=$(commits)
placed=$(($(orders_placed) - orders_before))
checkout_open=$(column "202/s" <<<"$open_md")
checkout_closed=$(column "202/s" <<<"$closed_md")
reset_bench_rows
pg_checkout=$(pgbench_run scripts/pgbench/checkout.sql)
pg_checkout_tps=$(tps <<<"$pg_checkout")
pg_checkout_ms=$(latency <<<"$pg_checkout")
reset_bench_rows
# What durability costs the database alone: the same work without waiting for the WAL flush at commit.
pg_lax=$(PGOPTIONS='-c synchronous_commit=off' pgbench_run scripts/pgbench/checkout.sql)
pg_lax_tps=$(tps <<<"$pg_lax")
pg_lax_ms=$(latency <<<"$pg_lax")
reset_bench_rows

echo "## Hot-SKU reservations: inventory's gRPC Reserve vs the same SQL in pgbench"
echo
echo "One SKU, 1 unit per call under a fresh order id, $clients callers back to back (closed model), ${duration} after ${warmup} warmup."
echo
echo "$reserve_md"
echo
echo "| | per second | mean latency ms |"
echo "|---|---:|---:|"
echo "| gRPC Reserve | $reserve_rate | $(awk -v c="$clients" -v r="$reserve_rate" 'BEGIN { if (r > 0) printf "%.2f", c * 1000 / r; else print "n/a" }') |"
echo "| pgbench reserve.sql, $clients clients | $pg_reserve_tps | $pg_reserve_ms |"
echo "| **ratio** (target ≥ 1.0) | **$(ratio "$reserve_rate" "$pg_reserve_tps")** | |"
echo
echo "## Checkout: POST /api/orders through the gateway vs the same database work in pgbench"
echo
echo "Fresh Idempotency-Key each, 1–2 random non-hot SKUs of quantity 1, 20 shoppers; ${duration} after ${warmup} warmup."
echo "Open model at ${rate}/s (latency from each request's due time):"
echo
echo "$open_md"
echo
echo "Closed model, $clients shoppers back to back (the ceiling):"
echo
echo "$closed_md"
echo
echo "| | per second | mean latency ms |"
echo "|---|---:|---:|"
echo "| checkout 202s, closed model, $clients shoppers | $checkout_closed | $(awk -v c="$clients" -v r="$checkout_closed" 'BEGIN { if (r > 0) printf "%.2f", c * 1000 / r; else print "n/a" }') |"
echo "| checkout 202s, open model at ${rate}/s | $checkout_open | |"
echo "| pgbench checkout.sql, $clients clients | $pg_checkout_tps | $pg_checkout_ms |"
echo "| **ratio** closed / pgbench (target ≥ 0.3) | **$(ratio "$checkout_closed" "$pg_checkout_tps")** | |"
echo "| pgbench checkout.sql, $clients clients, synchronous_commit=off (not durable; for reference) | $pg_lax_tps | $pg_lax_ms |"
echo
echo "## Where a checkout's CPU goes"
echo
echo "CPU time of each component from the start of the open-model run (its warmup included) until the sagas of its"
echo "$placed accepted checkouts had ended; $(awk -v c="$((commits_after - commits_before))" -v n="$placed" \
  'BEGIN { if (n > 0) printf "%.1f", c / n; else print "n/a" }') PostgreSQL transactions per checkout. identity's share is the load"
echo "generator registering and logging in its shoppers (password hashing)."
echo
echo "| component | CPU s | ms per checkout |"
echo "| --- | ---: | ---: |"
join <(sort <<<"$cpu_before") <(sort <<<"$cpu_after") | awk -v n="$placed" -v hz="$(getconf CLK_TCK)" '
  { s = ($3 - $2) / hz; total += s; printf "| %s | %.1f | %.2f |\n", $1, s, (n > 0 ? s * 1000 / n : 0) }
  END { printf "| **all** | **%.1f** | **%.2f** |\n", total, (n > 0 ? total * 1000 / n : 0) }'
echo
echo "Commands:"
echo
echo '```'
echo "loadtest reserve --sku $hot_sku --concurrency $clients --duration $duration --warmup $warmup"
echo "pgbench -n -M prepared -c $clients -j 2 -T $seconds -f scripts/pgbench/reserve.sql -h 127.0.0.1 -p 15432 -U postgres postgres"
echo "loadtest checkout --concurrency $clients --duration $duration --warmup $warmup"
echo "loadtest checkout --rate $rate --duration $duration --warmup $warmup"
echo "pgbench -n -M prepared -c $clients -j 2 -T $seconds -f scripts/pgbench/checkout.sql -h 127.0.0.1 -p 15432 -U postgres postgres"
echo '```'
echo
echo "_$(nproc) cores, load average before: ${load_before}, after: $(cut -d' ' -f1-3 /proc/loadavg); $("$java" -version 2>&1 | head -n 1); $(pgbench --version); the platform, the load generator and pgbench share the machine._"

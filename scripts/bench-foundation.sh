#!/usr/bin/env bash
# Measures the platform's foundation on this machine and prints Markdown for docs/benchmarks.md:
#   1. time from `./shopscale up -d` to ready, cold (empty state directory: seeding, no start-up caches) and
#      warm (second start, caches trained by the first);
#   2. resident memory (RSS) of every process, idle and after load;
#   3. GET /api/products/{id} through the gateway and straight to the catalog, interleaved in one run
#      (closed model for throughput, open model at a fixed rate for latency).
# Uses its own state directory so it never touches a platform you have running; the default ports must be free.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$home"
. scripts/find-jdk.sh
require_java
. scripts/bench-common.sh
export SHOPSCALE_STATE_DIR="${BENCH_STATE_DIR:-$home/target/bench-state}"
duration="${BENCH_DURATION:-10s}"
rounds="${BENCH_ROUNDS:-3}"
rate="${BENCH_RATE:-1000}"
loadtest="$home/loadtest/target/loadtest-0.1.0-SNAPSHOT-exec.jar"

# The gateway's per-client rate limit (100 req/s by default) would cap a single load generator; lifted so the
# benchmark measures the hop itself.
lift_rate_limits API

[ -f "$loadtest" ] || ./mvnw -q -DskipTests package
trap './shopscale down >/dev/null 2>&1 || true' EXIT

ready_time() { sed -n 's/^ShopScale is up in \([0-9.]*\) s\./\1/p'; }

rss_table() {
  echo "| process | RSS MiB |"
  echo "| --- | ---: |"
  local name pid
  while read -r name pid; do
    printf '| %s | %d |\n' "$name" $(( $(ps -o rss= -p "$pid") / 1024 ))
  done < <(./shopscale status | awk 'NR > 1 && $4 ~ /^[0-9]+$/ { print ($2 == 1 ? $1 : $1 "-" $2), $4 }')
  local pg redis
  pg=$(ps -eo rss=,args= | awk -v dir="$SHOPSCALE_STATE_DIR/data/postgres" 'index($0, dir) || /postgres: / { s += $1 } END { print int(s / 1024) }')
  redis=$(ps -eo rss=,args= | awk '/redis-server/ && !/awk/ { s += $1 } END { print int(s / 1024) }')
  printf '| postgres (all backends) | %d |\n| redis-server | %d |\n' "$pg" "$redis"
}

load() {
  "$java" -jar "$loadtest" \
    --target "gateway=http://127.0.0.1:8080/api/products/{id}" \
    --target "direct=http://127.0.0.1:8081/api/products/{id}" \
    --ids-from "http://127.0.0.1:8081/api/products?size=100" \
    --duration "$duration" --rounds "$rounds" --warmup 10s --max-error-rate 0.1% --markdown "$@" 2>/dev/null
}

rm -rf "$SHOPSCALE_STATE_DIR"
cold=$(./shopscale up -d | ready_time)
./shopscale down >/dev/null
warm=$(./shopscale up -d | ready_time)

echo "## Start-up"
echo
echo "| start | time to ready |"
echo "| --- | ---: |"
echo "| cold: empty state directory (schema + 10,400-product seed, no start-up caches) | ${cold} s |"
echo "| warm: second start (data kept, start-up caches trained by the first run) | ${warm} s |"
echo
echo "## Memory, idle"
echo
rss_table
echo
echo "## GET /api/products/{id}: gateway vs direct, closed model (throughput)"
echo
load --concurrency 16
echo
echo "## GET /api/products/{id}: gateway vs direct, open model at ${rate} req/s (latency)"
echo
load --rate "$rate"
echo
echo "## Memory, after load"
echo
rss_table
echo
echo "_$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average before: $(cut -d' ' -f1-3 /proc/loadavg); $("$java" -version 2>&1 | head -n 1)_"

#!/usr/bin/env bash
# What JWT validation at the gateway costs: GET /api/products/{id} through the gateway without a token (the public
# fast path), without a token but with a header as long as one (what carrying the token's bytes through the client,
# the gateway and the service costs by itself), and with a valid Bearer token (the security chain and the token
# check), interleaved in one run. Starts the platform in its own state directory on the default ports; prints Markdown.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$home"
. scripts/find-jdk.sh
require_java
. scripts/bench-common.sh
export SHOPSCALE_STATE_DIR="${BENCH_STATE_DIR:-$home/target/bench-state}"
lift_rate_limits API
duration="${BENCH_DURATION:-10s}"
rounds="${BENCH_ROUNDS:-3}"
rate="${BENCH_RATE:-1000}"
loadtest="$home/loadtest/target/loadtest-0.1.0-SNAPSHOT-exec.jar"
gateway="http://127.0.0.1:8080"

[ -f "$loadtest" ] || ./mvnw -q -DskipTests package
trap './shopscale down >/dev/null 2>&1 || true' EXIT
./shopscale up -d >/dev/null

email="bench-$(date +%s%N)@example.com"
password="benchmark password $(date +%s)"
curl -fsS -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\",\"name\":\"Bench\"}" "$gateway/api/auth/register"
token=$(curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}" \
  "$gateway/api/auth/login" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "could not log in" >&2; exit 1; }
padding=$(printf '%*s' "${#token}" '' | tr ' ' 'x')

load() {
  "$java" -jar "$loadtest" \
    --target "public=$gateway/api/products/{id}" \
    --target "public-padded=$gateway/api/products/{id}" \
    --target "bearer=$gateway/api/products/{id}" \
    --target-header "public-padded=X-Padding:Bearer $padding" \
    --target-header "bearer=Authorization:Bearer $token" \
    --ids-from "$gateway/api/products?size=100" \
    --duration "$duration" --rounds "$rounds" --warmup 10s --max-error-rate 0.1% --markdown "$@" 2>/dev/null
}

echo "## GET /api/products/{id} through the gateway: no token vs a valid Bearer token, closed model"
echo
load --concurrency 16
echo
echo "## The same at a fixed ${rate} req/s (open model)"
echo
load --rate "$rate"
echo
echo "_$(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg); $("$java" -version 2>&1 | head -n 1)_"

#!/usr/bin/env bash
# The gateway hop against a plain reverse proxy, in one run, on this machine; prints Markdown for docs/benchmarks.md.
# GET /api/products/{id} three ways, all to the same catalog instance:
#   gateway  the platform's edge with every feature on (token check, rate limiter with one Redis call per request,
#            request ids, security headers, metrics, failover);
#   nginx    Debian's nginx (2 workers, keep-alive upstream pool), a bare reverse proxy;
#   direct   the catalog itself, no hop.
#   1. closed model, BENCH_CONCURRENCY (16) workers, the three interleaved over BENCH_ROUNDS rounds: throughput;
#   2. open model at half of nginx's throughput, gateway and nginx interleaved: latency at a rate both can serve;
#   3. CPU per request of each way, from the CPU time of the platform's JVMs, Redis and nginx over a run of each alone.
# Starts the platform (compact topology unless SHOPSCALE_TOPOLOGY says otherwise) in its own state directory on the
# default ports, and nginx on a free one; installs nginx with apt when it is missing.
#
#   BENCH_DURATION (10s)  measured time per round    BENCH_ROUNDS (3)    BENCH_STATE_DIR (target/bench-edge-state)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$home"
. scripts/find-jdk.sh
require_java
. scripts/bench-common.sh
export SHOPSCALE_STATE_DIR="${BENCH_STATE_DIR:-$home/target/bench-edge-state}"
duration="${BENCH_DURATION:-10s}"
rounds="${BENCH_ROUNDS:-3}"
concurrency="${BENCH_CONCURRENCY:-16}"
loadtest="$home/loadtest/target/loadtest-0.1.0-SNAPSHOT-exec.jar"
gateway="http://127.0.0.1:8080"
catalog="http://127.0.0.1:8081"

if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  echo "bench-edge: installing nginx (apt-get install nginx-light)..." >&2
  if [ "$(id -u)" -eq 0 ]; then apt_get=(apt-get); else apt_get=(sudo apt-get); fi
  "${apt_get[@]}" update -qq >&2 && DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq nginx-light >&2
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

# The limiter stays on (one Redis call per request) but never refuses the single load generator.
lift_rate_limits API
[ -f "$loadtest" ] || ./mvnw -q -DskipTests package
start_platform bench-edge
nginx_dir="$SHOPSCALE_STATE_DIR/nginx"
trap 'rc=$?; [ -f "$nginx_dir/nginx.pid" ] && kill "$(cat "$nginx_dir/nginx.pid")" 2>/dev/null; ((rc == 0)) || tail -n 40 "$log" >&2; ./shopscale down >/dev/null 2>&1 || true' EXIT

nginx_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$nginx_dir/temp"
cat >"$nginx_dir/nginx.conf" <<EOF
worker_processes 2;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $nginx_dir/temp;
  proxy_temp_path $nginx_dir/temp;
  fastcgi_temp_path $nginx_dir/temp;
  uwsgi_temp_path $nginx_dir/temp;
  scgi_temp_path $nginx_dir/temp;
  upstream catalog {
    server 127.0.0.1:${catalog##*:};
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$nginx_port;
    location /api/products/ {
      proxy_pass http://catalog;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
EOF
"$nginx_bin" -p "$nginx_dir" -c "$nginx_dir/nginx.conf" 2>>"$log"
nginx="http://127.0.0.1:$nginx_port"
for _ in $(seq 50); do curl -fs -o /dev/null "$nginx/api/products/1" 2>/dev/null && break; sleep 0.1; done
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

# Exit code 1 (errors above the limit) still leaves a result; the tables show the errors.
loadtest_run() {
  "$java" --enable-native-access=ALL-UNNAMED -jar "$loadtest" --ids-from "$catalog/api/products?size=100" \
    --max-error-rate 1% "$@" 2>>"$log" || (($? == 1))
}
# The throughput of a target in a JSON result.
field() {
  python3 - "$1" "$2" "$3" <<'EOF'
import json, sys
result, name, path = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3].split(".")
for target in result["targets"]:
    if target["name"] == name:
        value = target
        for key in path:
            value = value[key]
        print(value)
EOF
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# CPU ticks of the platform's JVMs, Redis and nginx's workers.
edge_pids() {
  ./shopscale status | awk 'NR > 1 && $4 ~ /^[0-9]+$/ { print $4 }' | sort -u
  pgrep -x redis-server || true
  pgrep -f "nginx: worker process" || true
}
cpu_ticks() {
  local total=0 pid
  for pid in $(edge_pids); do
    total=$(( total + $(cut -d')' -f2 "/proc/$pid/stat" 2>/dev/null | awk '{ print $12 + $13 }' || echo 0) ))
  done
  echo "$total"
}

out="$SHOPSCALE_STATE_DIR/edge"
mkdir -p "$out"
targets=(--target "gateway=$gateway/api/products/{id}" --target "nginx=$nginx/api/products/{id}"
  --target "direct=$catalog/api/products/{id}")

echo "## GET /api/products/{id}: gateway vs nginx vs direct, closed model, $concurrency workers"
echo
loadtest_run "${targets[@]}" --concurrency "$concurrency" --duration "$duration" --rounds "$rounds" --warmup 10s \
  --markdown --json "$out/closed.json"
gateway_rps=$(field "$out/closed.json" gateway throughput)
nginx_rps=$(field "$out/closed.json" nginx throughput)
direct_rps=$(field "$out/closed.json" direct throughput)
half=$(awk -v r="$nginx_rps" 'BEGIN { printf "%d", r / 2 }')
echo
echo "## The same, open model at $half req/s (half of nginx's throughput)"
echo
loadtest_run --target "gateway=$gateway/api/products/{id}" --target "nginx=$nginx/api/products/{id}" \
  --rate "$half" --duration "$duration" --rounds "$rounds" --warmup 5s --markdown --json "$out/open.json"
gateway_p99=$(field "$out/open.json" gateway latencyMs.p99)
nginx_p99=$(field "$out/open.json" nginx latencyMs.p99)

echo
echo "## CPU per request (platform JVMs + Redis + nginx workers; each way alone, closed model)"
echo
echo "| way | requests | CPU s | CPU per request, ms | hop's own CPU per request, ms |"
echo "| --- | ---: | ---: | ---: | ---: |"
hz=$(getconf CLK_TCK)
declare -A per_request
for way in direct nginx gateway; do
  case "$way" in
    gateway) url="$gateway" ;;
    nginx) url="$nginx" ;;
    direct) url="$catalog" ;;
  esac
  before=$(cpu_ticks)
  loadtest_run --target "$way=$url/api/products/{id}" --concurrency "$concurrency" --duration "$duration" \
    --rounds 1 --warmup 0s --json "$out/cpu-$way.json" >/dev/null
  after=$(cpu_ticks)
  requests=$(field "$out/cpu-$way.json" "$way" count)
  cpu=$(awk -v t=$(( after - before )) -v hz="$hz" 'BEGIN { printf "%.1f", t / hz }')
  per_request[$way]=$(awk -v c="$cpu" -v n="$requests" 'BEGIN { printf "%.3f", (n > 0 ? 1000 * c / n : 0) }')
  hop=$(awk -v a="${per_request[$way]}" -v b="${per_request[direct]}" 'BEGIN { printf "%.3f", a - b }')
  [ "$way" = direct ] && hop="-"
  echo "| $way | $requests | $cpu | ${per_request[$way]} | $hop |"
done

echo
echo "| | gateway | nginx | ratio |"
echo "| --- | ---: | ---: | ---: |"
echo "| throughput, req/s ($concurrency workers; direct: $direct_rps) | $gateway_rps | $nginx_rps | $(ratio "$gateway_rps" "$nginx_rps")× |"
echo "| p99 at $half req/s, ms | $gateway_p99 | $nginx_p99 | $(ratio "$gateway_p99" "$nginx_p99")× |"
echo
echo "_$(nproc) cores, load average before: ${load_before}; ${SHOPSCALE_TOPOLOGY:-compact} topology; $("$nginx_bin" -v 2>&1); $("$java" -version 2>&1 | head -n 1)_"

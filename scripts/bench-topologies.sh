#!/usr/bin/env bash
# The two topologies side by side, in one run, on this machine; prints Markdown for docs/benchmarks.md.
# For each of compact (every service in one JVM) and services (a JVM per service):
#   1. the first `./shopscale up -d` in an empty state directory (schema, seed, no start-up caches), then the
#      second, warm one (AOT caches trained by the first run's `down`);
#   2. CPU of the whole platform at rest, in % of one core, over BENCH_IDLE (default 60 s) after a quiet minute;
#   3. GET /api/products/{id} through the gateway, closed model, 16 workers (throughput and latency);
#   4. the audited Black-Friday benchmark (BENCH_BF_DURATION, default 60s), whose served rate and checkout latency
#      are reported;
#   5. memory of every process of the platform (JVMs, PostgreSQL with its backends, Redis) as the sum of their PSS,
#      after that benchmark.
# Builds nothing and never touches a platform you have running: each topology gets its own state directory; the
# default ports must be free.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$home"
. scripts/find-jdk.sh
require_java
. scripts/bench-common.sh
root="${BENCH_STATE_ROOT:-$home/target/bench-topologies}"
idle="${BENCH_IDLE:-60}"
bf_duration="${BENCH_BF_DURATION:-60s}"
topologies=(${BENCH_TOPOLOGIES:-compact services})
loadtest="$home/loadtest/target/loadtest-0.1.0-SNAPSHOT-exec.jar"
export SHOPSCALE_SKIP_BUILD=1
[ -f "$loadtest" ] || { echo "bench-topologies: build first: ./mvnw -q -DskipTests package" >&2; exit 1; }
lift_rate_limits API
trap 'for t in "${topologies[@]}"; do SHOPSCALE_STATE_DIR="$root/$t" ./shopscale down >/dev/null 2>&1 || true; done' EXIT

ready_time() { sed -n 's/^ShopScale is up in \([0-9.]*\) s\./\1/p'; }

# Every process of the platform: the JVMs the state file lists, PostgreSQL's postmaster and its backends, Redis.
platform_pids() {
  local pids postmaster
  pids=$(./shopscale status | awk 'NR > 1 && $4 ~ /^[0-9]+$/ { print $4 }' | sort -u)
  postmaster=$(pgrep -f -- "-D $SHOPSCALE_STATE_DIR/data/postgres" | head -n 1 || true)
  if [ -n "$postmaster" ]; then
    pids="$pids $postmaster $(pgrep -P "$postmaster" | tr '\n' ' ')"
  fi
  for jvm in $(./shopscale status | awk '$1 == "stores" { print $4 }'); do
    pids="$pids $(pgrep -P "$jvm" | tr '\n' ' ')"
  done
  echo "$pids" | tr ' ' '\n' | grep -E '^[0-9]+$' | sort -un
}

cpu_ticks() {
  local total=0 pid fields
  for pid in "$@"; do
    fields=$(cut -d')' -f2 "/proc/$pid/stat" 2>/dev/null) || continue
    total=$(( total + $(echo "$fields" | awk '{ print $12 + $13 }') ))
  done
  echo "$total"
}

pss_mib() {
  local total=0 pid kb
  for pid in $(platform_pids); do
    kb=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    total=$(( total + ${kb:-0} ))
  done
  echo $(( total / 1024 ))
}

jvm_count() { ./shopscale status | awk 'NR > 1 && $4 ~ /^[0-9]+$/ { print $4 }' | sort -u | wc -l; }

declare -A cold warm idle_cpu jvms pss get_rps get_p50 get_p99 bf_rate bf_failed co_rate co_p99 verdict
for topology in "${topologies[@]}"; do
  export SHOPSCALE_STATE_DIR="$root/$topology"
  rm -rf "$SHOPSCALE_STATE_DIR"
  mkdir -p "$SHOPSCALE_STATE_DIR"
  echo "bench-topologies: $topology, first start..." >&2
  cold[$topology]=$(./shopscale up -d --topology "$topology" | tee "$SHOPSCALE_STATE_DIR/first-up.txt" | ready_time)
  [ -n "${cold[$topology]}" ] || { echo "bench-topologies: the first start of $topology failed" >&2; cat "$SHOPSCALE_STATE_DIR/first-up.txt" >&2; exit 1; }
  ./shopscale down >/dev/null
  warm[$topology]=$(./shopscale up -d --topology "$topology" | ready_time)
  jvms[$topology]=$(jvm_count)

  echo "bench-topologies: $topology, idle for ${idle} s after a quiet minute..." >&2
  sleep 60
  mapfile -t pids < <(platform_pids)
  before=$(cpu_ticks "${pids[@]}")
  sleep "$idle"
  after=$(cpu_ticks "${pids[@]}")
  idle_cpu[$topology]=$(awk -v t=$(( after - before )) -v hz="$(getconf CLK_TCK)" -v s="$idle" \
    'BEGIN { printf "%.1f", 100 * t / hz / s }')

  echo "bench-topologies: $topology, product reads..." >&2
  "$java" -jar "$loadtest" --target "gateway=http://127.0.0.1:8080/api/products/{id}" \
    --ids-from "http://127.0.0.1:8080/api/products?size=100" --concurrency 16 --duration 10s --rounds 1 \
    --warmup 5s --json "$SHOPSCALE_STATE_DIR/get.json" >/dev/null 2>&1 || true
  read -r get_rps[$topology] get_p50[$topology] get_p99[$topology] < <(python3 - "$SHOPSCALE_STATE_DIR/get.json" <<'EOF'
import json, sys
try:
    target = json.load(open(sys.argv[1]))["targets"][0]
    print(round(float(target["throughput"])), target["latencyMs"]["p50"], target["latencyMs"]["p99"])
except Exception:
    print("? ? ?")
EOF
)

  echo "bench-topologies: $topology, Black Friday for $bf_duration..." >&2
  ./shopscale bench --profile black-friday --duration "$bf_duration" --out "$SHOPSCALE_STATE_DIR/bench" \
    >"$SHOPSCALE_STATE_DIR/bench.txt" 2>&1 || true
  report="$SHOPSCALE_STATE_DIR/bench/report.json"
  read -r bf_rate[$topology] bf_failed[$topology] co_rate[$topology] co_p99[$topology] verdict[$topology] < <(python3 - "$report" <<'EOF'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except Exception:
    print("? ? ? ? no-report"); sys.exit()
seconds = d["run"]["loadSeconds"] or 1
answered = sum(e["requests"] for e in d["endpoints"])
errors = sum(e["errors"] for e in d["endpoints"])
checkout = next((e for e in d["endpoints"] if e["name"] == "checkout"), None)
print(round(answered / seconds), f'{100 * errors / max(answered, 1):.1f}%',
      round(checkout["perSecond"], 1) if checkout else "?", checkout["latencyMs"]["p99"] if checkout else "?",
      "passed" if d["verdict"]["passed"] else "exit-%s" % d["verdict"]["exitCode"])
EOF
)
  pss[$topology]=$(pss_mib)
  ./shopscale down >/dev/null
done

echo "| | $(printf '%s | ' "${topologies[@]}")"
echo "|---|$(printf -- '---:|%.0s' "${topologies[@]}")"
row() { local label="$1" array="$2" unit="${3:-}"; local -n values="$array"; printf '| %s |' "$label"; for t in "${topologies[@]}"; do printf ' %s%s |' "${values[$t]}" "$unit"; done; echo; }
row "JVMs" jvms
row "first \`up\`, cold: schema + seed, no caches" cold " s"
row "second \`up\`, warm" warm " s"
row "idle CPU, % of one core (${idle} s)" idle_cpu " %"
row "GET /api/products/{id} via gateway, 16 workers: req/s" get_rps
row "  … p50 ms" get_p50
row "  … p99 ms" get_p99
row "Black Friday (${bf_duration}): answered req/s" bf_rate
row "  … errors" bf_failed
row "  … checkouts/s accepted or answered" co_rate
row "  … checkout p99 ms" co_p99
row "  … verdict" verdict
row "memory after Black Friday: sum of PSS, every process" pss " MiB"
echo
echo "_$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $("$java" -version 2>&1 | head -n 1); $(date -u '+%Y-%m-%d %H:%M UTC')_"

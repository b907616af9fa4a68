# Sourced by the benchmark scripts.

# require_tools NAME TOOL...: exits with what to install when a tool the benchmark NAME needs is missing.
require_tools() {
  local name="$1" tool
  shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null || {
      echo "$name: $tool is missing; on Debian/Ubuntu: apt-get install postgresql-client curl" >&2
      exit 1
    }
  done
}

# lift_rate_limits BUCKET...: lifts the gateway's per-client limits of those buckets (API, CREDENTIALS) so that one
# load generator is not refused; the limiter still runs, one Redis call per request, it just never refuses.
# Values set by the caller win.
lift_rate_limits() {
  local bucket variable
  for bucket in "$@"; do
    for variable in "SHOPSCALE_RATE_LIMIT_${bucket}_RATE" "SHOPSCALE_RATE_LIMIT_${bucket}_BURST"; do
      export "$variable=${!variable:-1000000}"
    done
  done
}

# start_platform NAME: sets $log, a file under the state directory for the tools' stderr that is shown if the
# benchmark fails, then starts the platform and stops it again when the script exits.
start_platform() {
  log="$SHOPSCALE_STATE_DIR/$1.log"
  mkdir -p "$SHOPSCALE_STATE_DIR"
  : >"$log"
  # Stop only what this script started: a platform already running in that state directory makes "up" fail,
  # and is left as it is.
  ./shopscale up -d >/dev/null
  trap 'rc=$?; ((rc == 0)) || tail -n 40 "$log" >&2; ./shopscale down >/dev/null 2>&1 || true' EXIT
  # psql and pgbench log in as the embedded PostgreSQL's superuser, with the password "up" generated; in the
  # environment, never on a command line.
  if [ -f "$SHOPSCALE_STATE_DIR/secrets/postgres-password" ]; then
    PGPASSWORD="$(cat "$SHOPSCALE_STATE_DIR/secrets/postgres-password")"
    export PGPASSWORD
  fi
}

# Sourced by the bench scripts: starts the quick start in the background on the ports given and
# waits until its demo has finished. Sets $work (a temporary folder, removed on exit), $log (the
# quick start's output) and $demo_pid.
#
#   start_quick_start api-port inference-port worker-port console-port db-port

command -v hey >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey; }

start_quick_start() {
  work=$(mktemp -d)
  log="$work/demo.log"
  scripts/run-demo.sh --data-dir="$work/data" --api-port="$1" --inference-port="$2" --worker-port="$3" \
    --console-port="$4" --db-port="$5" >"$log" 2>&1 &
  demo_pid=$!
  trap 'kill $demo_pid 2>/dev/null || true; wait $demo_pid 2>/dev/null || true; rm -rf "$work"' EXIT
  for _ in $(seq 1 900); do
    grep -q "Serving until interrupted" "$log" && return 0
    kill -0 $demo_pid 2>/dev/null || { cat "$log"; echo "The quick start stopped early" >&2; exit 1; }
    sleep 1
  done
  echo "The demo did not finish in 15 minutes" >&2
  exit 1
}

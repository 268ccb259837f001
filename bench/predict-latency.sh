#!/usr/bin/env bash
# Measures the quick start: the demo's wall time, the time per federated round and the share
# of it spent outside local training, and the latency of single-patient predictions over HTTP
# (sequential calls, one connection at a time) for both predict APIs, side by side in one run.
# Writes bench/reports/predict-latency.md. Needs `hey` (Debian package hey; installed if missing).
#
#   bench/predict-latency.sh [requests]      default 2000 requests per API, after 200 warm-up calls
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-2000}
api_port=28080; inference_port=28081
. bench/quick-start.sh
start_quick_start $api_port $inference_port 28082 28083 54392

key=$(grep -o 'device API key *am_[A-Za-z0-9_-]*' "$log" | awk '{print $4}')
named=$(grep -o "\-d '{\"instances\".*}'" "$log" | head -1 | sed "s/^-d '//; s/'$//")
oip=$(grep -o "\-d '{\"inputs\".*}'" "$log" | head -1 | sed "s/^-d '//; s/'$//")
echo "$named" >"$work/named.json"
echo "$oip" >"$work/oip.json"
v1="http://localhost:$inference_port/v1/models/breast-cancer:predict"
v2="http://localhost:$inference_port/v2/models/breast-cancer/infer"

measure() { # url body-file -> hey's report
  hey -n 200 -c 1 -m POST -T application/json -H "Authorization: Bearer $key" -D "$2" "$1" >/dev/null
  hey -n "$requests" -c 1 -m POST -T application/json -H "Authorization: Bearer $key" -D "$2" "$1"
}
# Interleave the two APIs twice, so that both see the same machine load.
measure "$v1" "$work/named.json" >"$work/v1a.txt"
measure "$v2" "$work/oip.json" >"$work/v2a.txt"
measure "$v1" "$work/named.json" >"$work/v1b.txt"
measure "$v2" "$work/oip.json" >"$work/v2b.txt"

pct() { grep -E "^ *$2% in" "$1" | awk '{print $3 * 1000}'; }  # milliseconds
status_ok() { grep -E '^\s*\[200\]' "$1" | awk '{print $2}'; }
token=$(curl -s -X POST "http://localhost:$api_port/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"demo-health-admin\",\"password\":\"$(cat "$work/data/demo-health-admin-password")\"}" |
  sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
job=$(grep -o 'job [0-9a-f-]* -> model breast-cancer,' "$log" | head -1 | awk '{print $2}')
rounds_json=$(curl -s -H "Authorization: Bearer $token" "http://localhost:$api_port/api/v1/jobs/$job/rounds")
round_stats=$(echo "$rounds_json" | /usr/bin/python3 -c '
import json, statistics, sys
body = json.load(sys.stdin)
rounds = body["items"] if isinstance(body, dict) else body
wall = [r["durationMillis"] for r in rounds]
train = [r["trainingMillis"] for r in rounds]
outside = [(w - t) / w for w, t in zip(wall, train) if w > 0]
print("%d %.1f %.1f %.2f" % (len(rounds), statistics.median(wall), statistics.median(train), 100 * statistics.median(outside)))
')
read -r round_count round_median train_median outside_share <<<"$round_stats"
demo_seconds=$(grep -o 'Demo finished in [0-9.]* s' "$log" | awk '{print $4}')
accuracies=$(grep -E '^  breast-cancer.*POST' "$log" | sed 's/^  /    /')

cat >bench/reports/predict-latency.md <<REPORT
# Quick start and prediction latency

Measured by \`bench/predict-latency.sh $requests\` on $(date -u +%Y-%m-%d), $(nproc) cores,
$(java -version 2>&1 | head -1). One JVM runs every service (the quick start, ZGC,
OMP_NUM_THREADS=1); the load generator (hey) runs on the same machine.

## The demo

- Wall time of the demo client, tenant to last prediction: ${demo_seconds} s (includes training
  both models and the first bundle loads, not the JVM and database start-up).
- Federated job: ${round_count} rounds; median round ${round_median} ms, of which the slowest
  participant's local training took a median ${train_median} ms; median share of a round spent
  outside local training: ${outside_share} %.
- Held-out accuracy:

\`\`\`
${accuracies}
\`\`\`

## Single-patient predictions, sequential, $requests requests per API per pass, two passes

| API | pass | median (ms) | p90 (ms) | p99 (ms) | 200 answers |
| --- | --- | --- | --- | --- | --- |
| POST /v1/models/breast-cancer:predict | 1 | $(pct "$work/v1a.txt" 50) | $(pct "$work/v1a.txt" 90) | $(pct "$work/v1a.txt" 99) | $(status_ok "$work/v1a.txt") |
| POST /v2/models/breast-cancer/infer | 1 | $(pct "$work/v2a.txt" 50) | $(pct "$work/v2a.txt" 90) | $(pct "$work/v2a.txt" 99) | $(status_ok "$work/v2a.txt") |
| POST /v1/models/breast-cancer:predict | 2 | $(pct "$work/v1b.txt" 50) | $(pct "$work/v1b.txt" 90) | $(pct "$work/v1b.txt" 99) | $(status_ok "$work/v1b.txt") |
| POST /v2/models/breast-cancer/infer | 2 | $(pct "$work/v2b.txt" 50) | $(pct "$work/v2b.txt" 90) | $(pct "$work/v2b.txt" 99) | $(status_ok "$work/v2b.txt") |

Ratio of medians, v2 over v1, pass 2: $(/usr/bin/python3 -c "print(round($(pct "$work/v2b.txt" 50) / $(pct "$work/v1b.txt" 50), 2))")
REPORT
cat bench/reports/predict-latency.md

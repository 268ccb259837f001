#!/usr/bin/env bash
# Measures ensembles on the quick start, over HTTP only: how long each ensemble method takes to
# train (job start to finish, read from the API) and the latency of single-patient predictions
# through POST /v1/models/{m}:predict (sequential calls with `hey -c 1`), with the federated
# model of the demo measured in the same run as the reference. Trains centralised bagging,
# AdaBoost, stacking and voting on the demo's pooled dataset, and federated voting and stacking
# across its three hospitals. Writes bench/reports/ensemble-latency.md. Needs `hey` (installed
# if missing).
#
#   bench/ensemble-latency.sh [requests]      default 1000 requests per model, after 100 warm-up calls
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-1000}
api_port=28180; inference_port=28181
. bench/quick-start.sh
start_quick_start $api_port $inference_port 28182 28183 54393

api="http://localhost:$api_port/api/v1"
key=$(grep -o 'device API key *am_[A-Za-z0-9_-]*' "$log" | awk '{print $4}')
named=$(grep -o "\-d '{\"instances\".*}'" "$log" | head -1 | sed "s/^-d '//; s/'$//")
echo "$named" >"$work/named.json"
token=$(curl -s -X POST "$api/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"demo-health-admin\",\"password\":\"$(cat "$work/data/demo-health-admin-password")\"}" |
  sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
datasets=$(curl -s -H "Authorization: Bearer $token" "$api/datasets?size=100")
dataset_id() { echo "$datasets" | /usr/bin/python3 -c '
import json, sys
print(next(d["id"] for d in json.load(sys.stdin)["items"] if d["name"] == sys.argv[1]))' "$1"; }
pooled=$(dataset_id bc-pooled)
participants=$(for h in hospital-a hospital-b hospital-c; do
  printf '{"name":"%s","datasetId":"%s"},' "$h" "$(dataset_id bc-$h)"; done | sed 's/,$//')
members='[{"type":"mlp","layers":[{"units":16,"activation":"relu"}]},{"type":"logistic"},{"type":"tree","maxDepth":4}]'

submit() { # model-name ensemble-json -> job id
  curl -s -X POST "$api/jobs" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "{
    \"kind\":\"ensemble\",\"training\":{\"epochs\":20,\"batchSize\":32,\"learningRate\":0.01,\"seed\":42},
    \"ensemble\":$2,\"publish\":{\"modelName\":\"$1\",\"alias\":\"production\"}}" |
    /usr/bin/python3 -c 'import json, sys; body = json.load(sys.stdin); print(body.get("id") or body)'
}
declare -A jobs
jobs[bagging]=$(submit bench-bagging "{\"method\":\"bagging\",\"datasetId\":\"$pooled\",\"members\":[{\"type\":\"tree\",\"maxDepth\":6}],\"size\":10}")
jobs[adaboost]=$(submit bench-adaboost "{\"method\":\"adaboost\",\"datasetId\":\"$pooled\",\"members\":[{\"type\":\"tree\",\"maxDepth\":1}],\"size\":20}")
jobs[stacking]=$(submit bench-stacking "{\"method\":\"stacking\",\"datasetId\":\"$pooled\",\"members\":$members}")
jobs[voting]=$(submit bench-voting "{\"method\":\"voting\",\"datasetId\":\"$pooled\",\"members\":$members}")
jobs[federated-voting]=$(submit bench-federated-voting "{\"method\":\"voting\",\"participants\":[$participants],\"members\":$members}")
jobs[federated-stacking]=$(submit bench-federated-stacking "{\"method\":\"stacking\",\"participants\":[$participants],\"members\":$members}")

job_field() { curl -s -H "Authorization: Bearer $token" "$api/jobs/$1" | /usr/bin/python3 -c '
import json, sys
from datetime import datetime
job = json.load(sys.stdin)
if sys.argv[1] == "status":
    print(job["status"])
elif sys.argv[1] == "error":
    print(job.get("errorMessage") or "")
else:
    started = datetime.fromisoformat(job["startedAt"].replace("Z", "+00:00"))
    finished = datetime.fromisoformat(job["finishedAt"].replace("Z", "+00:00"))
    print("%.1f" % (finished - started).total_seconds())' "$2"; }

declare -A seconds members
for method in bagging adaboost stacking voting federated-voting federated-stacking; do
  job=${jobs[$method]}
  for _ in $(seq 1 900); do
    status=$(job_field "$job" status)
    case "$status" in SUCCEEDED|FAILED|CANCELLED) break ;; esac
    sleep 1
  done
  [ "$status" = SUCCEEDED ] || { echo "$method ended $status: $(job_field "$job" error)" >&2; exit 1; }
  seconds[$method]=$(job_field "$job" seconds)
  members[$method]=$(curl -s -H "Authorization: Bearer $token" "$api/jobs/$job" |
    /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["totalRounds"])')
done

measure() { # model pass -> "median p99" in ms; every job has finished, so nothing trains meanwhile
  local url="http://localhost:$inference_port/v1/models/$1:predict"
  hey -n 100 -c 1 -m POST -T application/json -H "Authorization: Bearer $key" -D "$work/named.json" "$url" >/dev/null
  hey -n "$requests" -c 1 -m POST -T application/json -H "Authorization: Bearer $key" -D "$work/named.json" "$url" \
    >"$work/$1-$2.txt"
  grep -q '\[200\]' "$work/$1-$2.txt" || { cat "$work/$1-$2.txt"; echo "$1 did not answer 200" >&2; exit 1; }
  echo "$(grep -E '^ *50% in' "$work/$1-$2.txt" | awk '{print $3 * 1000}') $(grep -E '^ *99% in' "$work/$1-$2.txt" | awk '{print $3 * 1000}')"
}
models=(breast-cancer bench-bagging bench-adaboost bench-stacking bench-voting bench-federated-voting
  bench-federated-stacking)
declare -A first second
# Two passes over all models, one after another, so that each model sees the machine as the others do.
for model in "${models[@]}"; do first[$model]=$(measure "$model" 1); done
for model in "${models[@]}"; do second[$model]=$(measure "$model" 2); done

report=bench/reports/ensemble-latency.md
mkdir -p bench/reports
reference=${second[breast-cancer]% *}
{
  echo "# Ensembles on the quick start"
  echo
  echo "Measured by \`bench/ensemble-latency.sh $requests\` on $(date -u +%Y-%m-%d), $(nproc) cores."
  echo "Training: the job's startedAt to finishedAt from the API (jobs queue behind each other on the"
  echo "one worker, so each time is its own). Prediction: $requests sequential single-patient calls per"
  echo "model to \`POST /v1/models/{m}:predict\` with \`hey -c 1\`, after 100 warm-up calls, once every job"
  echo "had finished; two passes over all models in turn, in one run. The demo's federated MLP is the"
  echo "reference of the ratio."
  echo
  echo "| Model | Members | Training (s) | pass 1 median (ms) | pass 2 median (ms) | pass 2 p99 (ms) | pass 2 median vs federated MLP |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  for model in "${models[@]}"; do
    method=${model#bench-}
    count=${members[$method]:-1}
    trained=${seconds[$method]:--}
    ratio=$(/usr/bin/python3 -c "print('%.2f' % (${second[$model]% *} / $reference))")
    echo "| $model | $count | $trained | ${first[$model]% *} | ${second[$model]% *} | ${second[$model]#* } | $ratio |"
  done
} >"$report"
cat "$report"

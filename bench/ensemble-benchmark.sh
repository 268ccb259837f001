#!/usr/bin/env bash
# Benchmarks our ensembles (bagging, AdaBoost, stacking, voting) beside scikit-learn's on the
# same five folds of the breast-cancer data, and federated voting and stacking beside FedAvg
# on the demo's three hospitals. Writes docs/benchmarks.md.
#
#   bench/ensemble-benchmark.sh
#
# scikit-learn (Debian's python3-sklearn, run with /usr/bin/python3) is a reference only and
# is installed with apt-get when missing. The Java side runs from Maven-built classes: the
# benchmark's main class lives in standalone's test sources, beside the hospital split.
set -euo pipefail
cd "$(dirname "$0")/.."
python=/usr/bin/python3
"$python" -c "import sklearn" 2>/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-sklearn
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
csv=standalone/src/main/resources/data/breast-cancer-wisconsin-diagnostic.csv

mvn -B -q -o -pl standalone test-compile
mvn -B -q -o -pl standalone dependency:build-classpath -Dmdep.outputFile="$work/classpath" >/dev/null
classpath="standalone/target/test-classes:standalone/target/classes:$(cat "$work/classpath")"

"$python" bench/ensemble_reference.py folds "$csv" "$work/folds.txt"
echo "scikit-learn..."
OMP_NUM_THREADS=1 "$python" bench/ensemble_reference.py sklearn "$csv" "$work/folds.txt" "$work/sklearn.json"
echo "ours..."
OMP_NUM_THREADS=1 java -cp "$classpath" ai.aimass.standalone.demo.EnsembleBenchmark \
  "$csv" "$work/folds.txt" "$work/ours.json" 2>"$work/java.log" | grep -v "^\s*$" || { cat "$work/java.log"; exit 1; }
"$python" bench/ensemble_reference.py report "$work/ours.json" "$work/sklearn.json" docs/benchmarks.md \
  "bench/ensemble-benchmark.sh"
mkdir -p bench/reports
cp "$work/ours.json" bench/reports/ensemble-ours.json
cp "$work/sklearn.json" bench/reports/ensemble-sklearn.json
echo "Wrote docs/benchmarks.md"

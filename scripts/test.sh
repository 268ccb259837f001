#!/usr/bin/env bash
# Runs every test of every module, installing what the tests need first.
# Tests use an embedded PostgreSQL unless AIMASS_TEST_DB_URL names another server.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh
# One OpenMP thread: on two cores the OpenMP and OpenBLAS pools spin against each other.
export OMP_NUM_THREADS=1
# install, not only verify, so that a later run of single modules (CI's second database pass) finds
# this build's jars.
exec mvn -B install "$@"

#!/usr/bin/env bash
# Builds the quick start if needed and runs it: an embedded PostgreSQL, the three services, the
# web console and the demo client. Options are passed on (try --help for the list,
# --exit-when-done for scripts).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh
jar=standalone/target/standalone-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ] || [ -n "$(find . \( -path ./aimass-data -o -name target -o -name node_modules -o -name .git \) -prune -o \( -name '*.java' -o -name 'pom.xml' -o -name '*.properties' -o -name '*.sql' -o -name '*.html' -o -name '*.css' -o -name '*.js' \) -newer "$jar" -print -quit)" ]; then
  # clean: a package over an older one can keep libraries that the build no longer has.
  mvn -B -q -DskipTests clean package
fi
export OMP_NUM_THREADS=1
exec java -Xmx3g -XX:+UseZGC -jar "$jar" "$@"

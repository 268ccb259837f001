#!/usr/bin/env bash
# Installs what the build needs and a fresh Debian machine may lack: a JDK 17, Maven, and
# Chromium with its driver for the browser tests.
set -euo pipefail

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
# The web console's browser tests drive Debian's Chromium through Debian's chromedriver.
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
# The chart tests (module deployment) validate rendered objects with Node.js packages.
"$(dirname "$0")/ensure-chart-tools.sh"

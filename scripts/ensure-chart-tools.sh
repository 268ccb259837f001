#!/usr/bin/env bash
# Installs what the chart tests (module deployment) need and a fresh Debian machine may lack:
# Node.js and npm, then the Kubernetes schema validator's npm packages, pinned by
# deployment/src/test/node/package-lock.json, into AIMASS_CHART_TOOLS_DIR
# (default ~/.cache/aimass/chart-tools). Runs again only when the lock file changes.
set -euo pipefail
cd "$(dirname "$0")/.."

tools_dir="${AIMASS_CHART_TOOLS_DIR:-$HOME/.cache/aimass/chart-tools}"
source_dir=deployment/src/test/node

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Installing nodejs and npm with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi

if [ ! -d "$tools_dir/node_modules" ] || ! cmp -s "$source_dir/package-lock.json" "$tools_dir/package-lock.json"; then
  echo "Installing the chart validator's npm packages into $tools_dir"
  mkdir -p "$tools_dir"
  cp "$source_dir/package.json" "$source_dir/package-lock.json" "$tools_dir/"
  npm ci --prefix "$tools_dir" --no-audit --no-fund --loglevel=error
fi

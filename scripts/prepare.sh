#!/usr/bin/env bash
# What both Quick start commands need first: dependencies installed, an engine answering, a build.
set -euo pipefail
cd "$(dirname "$0")/.."

# Install when node_modules is missing or older than the lockfile (npm ci reproduces the lock).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[prepare] installing dependencies"
  npm ci --no-audit --no-fund
fi
bash scripts/engine.sh
echo "[prepare] building"
npx turbo run build --output-logs=errors-only

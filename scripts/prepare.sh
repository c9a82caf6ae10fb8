#!/usr/bin/env bash
# What both Quick start commands need first: dependencies installed, an engine answering, a build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node.sh

# Install when node_modules is missing, older than the lockfile (npm ci reproduces the lock), or
# was installed by another Node (its native modules would not load).
installed_by=$(cat node_modules/.installed-by-node 2>/dev/null || true)
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] ||
  [ "$installed_by" != "$(node -v)" ]; then
  echo "[prepare] installing dependencies with Node $(node -v)"
  npm ci --no-audit --no-fund
  node -v >node_modules/.installed-by-node
fi
bash scripts/engine.sh
echo "[prepare] building"
turbo run build --output-logs=errors-only

#!/usr/bin/env bash
# Rebuilds the README's walkthrough pictures (docs/walkthrough-*.png): the article's demo stack
# (scripts/demo.sh) on the local engine, a throwaway server, and Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/demo.sh
data=$(mktemp -d)
DATA_DIR="$data" BRIDGEBOARD_ADMIN_PASSWORD=walkthrough-password PORT=8196 LOG_LEVEL=warn node apps/api/dist/server.js &
server=$!
trap 'kill $server; rm -rf "$data"' EXIT
for _ in $(seq 1 50); do curl -fs http://127.0.0.1:8196/api/health >/dev/null && break; sleep 0.2; done
npx tsx docs/walkthrough.ts http://127.0.0.1:8196/ walkthrough-password

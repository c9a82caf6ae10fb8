#!/usr/bin/env bash
# npm test: the same preparation as npm start, then every tier: lint and types, unit,
# integration (real engine), end to end (real Chromium against the real server).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node.sh
bash scripts/prepare.sh
rm -rf .reports && mkdir -p .reports
# The fleet tests start extra engines (scripts/fleet.sh up, in their own setup); whatever happens, none outlives the run,
# and none left by an earlier run that was cut off (its networks, a swarm) is what this run starts from.
bash scripts/fleet.sh down >/dev/null 2>&1 || true
trap 'bash scripts/fleet.sh down >/dev/null 2>&1 || true' EXIT

echo "[test] format, lint, types"
prettier --check . --log-level warn
turbo run lint typecheck --output-logs=errors-only
# What lives outside the workspaces: the browser tests, the benches, the scripts.
tsc -p tsconfig.json
eslint playwright.config.ts e2e bench scripts docs eslint.config.js --max-warnings 0

echo "[test] unit and integration"
# The TLS-proxy test runs the real HAProxy; this also makes the offline image the deploy tier uses.
bash scripts/image-base.sh haproxy
status=0
turbo run test --concurrency=1 --output-logs=full || status=$?

echo "[test] end to end (Chromium against the real server and engine)"
bash scripts/browser.sh
playwright test || status=$?

echo "[test] Run with Docker (the image from offline bases, docker-compose.yml, the socket proxy)"
bash deploy/test/compose.sh || status=$?

node scripts/test-summary.mjs .reports
exit $status

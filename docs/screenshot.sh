#!/usr/bin/env bash
# Makes docs/board.png: the board with a realistic stack (the demo, plus a shop on its own bridge,
# an internal monitoring network, and host/none-mode helpers). Needs a built app (npm run build).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/demo.sh >/dev/null
IMAGE="${BRIDGEBOARD_TEST_IMAGE:-bridgeboard/busybox:offline}"
L=(--label bridgeboard.demo=screenshot)
net() { docker network inspect "$1" >/dev/null 2>&1 || docker network create "${L[@]}" "${@:2}" "$1" >/dev/null; }
run() { if docker container inspect "$1" >/dev/null 2>&1; then docker start "$1" >/dev/null; else docker run -d --init --name "$1" "${L[@]}" "${@:2}" >/dev/null; fi; }
net shop --subnet 10.90.0.0/24 --label com.example.team=shop -o com.docker.network.driver.mtu=1450
net monitoring --internal --subnet 10.91.0.0/24 -o com.docker.network.bridge.enable_icc=true
run shop-frontend --network shop -p 127.0.0.1::80 --label com.docker.compose.project=shop "$IMAGE" httpd -f -p 80 -h /var/www
run shop-api --network shop --network-alias api --label com.docker.compose.project=shop "$IMAGE" sleep 1000000000
run shop-db --network shop --label com.docker.compose.project=shop "$IMAGE" sleep 1000000000
run prometheus --network monitoring "$IMAGE" sleep 1000000000
docker network connect monitoring shop-api 2>/dev/null || true
run node-exporter --network host "$IMAGE" sleep 1000000000
docker container inspect batch-job >/dev/null 2>&1 || docker create --name batch-job "${L[@]}" --network none "$IMAGE" sleep 1 >/dev/null

# A throwaway database with one admin; the screenshot signs in as it.
data=$(mktemp -d)
DATA_DIR="$data" BRIDGEBOARD_ADMIN_PASSWORD=screenshot-password PORT=8197 LOG_LEVEL=warn node apps/api/dist/server.js &
server=$!
trap 'kill $server; rm -rf "$data"' EXIT
for _ in $(seq 1 50); do curl -fs http://127.0.0.1:8197/api/health >/dev/null && break; sleep 0.2; done
npx tsx docs/screenshot.ts http://127.0.0.1:8197/ docs/board.png screenshot-password
echo "wrote docs/board.png"

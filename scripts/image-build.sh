#!/usr/bin/env bash
# Builds the Bridgeboard image on this machine, where no image registry is reachable: makes the
# offline base images (scripts/image-base.sh: node for the Dockerfile, haproxy for the socket-proxy
# variant of docker-compose), fills deploy/npm-cache from the host's npm cache so
# that `npm ci` in the build needs no network, then `docker build` with those bases. Idempotent:
# Docker's layer cache makes a second run take seconds.
#
#   bash scripts/image-build.sh            # tags bridgeboard:local (what docker-compose.yml runs)
#
# On a machine that reaches Docker Hub, `docker compose build` does the same from node:24-bookworm-slim.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node.sh
IMAGE="${BRIDGEBOARD_IMAGE:-bridgeboard:local}"

bash scripts/image-base.sh all
# The lockfile's packages must be in the host's cache: npm ci (scripts/prepare.sh) put them there.
[ -f node_modules/.package-lock.json ] || npm ci --no-audit --no-fund
node deploy/npm-offline.mjs fill
start=$(date +%s)
old=$(docker image inspect -f '{{.Id}}' "$IMAGE" 2>/dev/null || true)
docker build --pull=false \
  --build-arg BASE_IMAGE=bridgeboard/node-base:offline \
  -t "$IMAGE" . >"${BRIDGEBOARD_BUILD_LOG:-/dev/stdout}"
# The image this build replaced, now untagged (kept while a container uses it).
if [ -n "$old" ] && [ "$old" != "$(docker image inspect -f '{{.Id}}' "$IMAGE")" ]; then docker rmi "$old" >/dev/null 2>&1 || true; fi
echo "[image-build] $IMAGE built in $(($(date +%s) - start)) s ($(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%d MB", $1/1000000}'))"

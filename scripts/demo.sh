#!/usr/bin/env bash
# Builds the article's stack on the engine, from the offline image, idempotently:
#   appnet (user-defined bridge): web (publishes 80 on 127.0.0.1) and db (publishes nothing)
#   default bridge: legacy-db, and legacy-web joined to it with --link legacy-db:db
#   one container in each of the host, none and container: modes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/engine.sh
IMAGE="${BRIDGEBOARD_TEST_IMAGE:-bridgeboard/busybox:offline}"
LABEL=(--label bridgeboard.demo=article)

exists() { docker container inspect "$1" >/dev/null 2>&1; }
ensure_running() { # name, then docker run arguments
  local name=$1; shift
  if exists "$name"; then
    docker start "$name" >/dev/null
  else
    docker run -d --init --name "$name" "${LABEL[@]}" "$@" >/dev/null
  fi
  echo "  $name"
}

docker network inspect appnet >/dev/null 2>&1 ||
  docker network create --subnet 10.77.0.0/24 --gateway 10.77.0.1 "${LABEL[@]}" appnet >/dev/null

echo "demo stack:"
ensure_running db --network appnet "$IMAGE" httpd -f -p 5432 -h /var/www
ensure_running web --network appnet -p 127.0.0.1::80 "$IMAGE" httpd -f -p 80 -h /var/www
ensure_running legacy-db "$IMAGE" httpd -f -p 5432 -h /var/www
ensure_running legacy-web --link legacy-db:db "$IMAGE" sleep 1000000000
ensure_running host-mode --network host "$IMAGE" sleep 1000000000
ensure_running isolated --network none "$IMAGE" sleep 1000000000
ensure_running web-sidecar --network container:web "$IMAGE" sleep 1000000000
echo "web answers on: $(docker port web 80/tcp)"
echo "remove with: docker rm -f \$(docker ps -aq --filter label=bridgeboard.demo=article) && docker network rm appnet"

#!/usr/bin/env bash
# Makes sure a Docker engine answers and the offline test image exists. Idempotent.
# Reuses DOCKER_HOST or /var/run/docker.sock when it answers /_ping; otherwise (Debian, root)
# installs docker.io and starts dockerd in the background. Nothing is ever pulled from a registry.
set -euo pipefail

IMAGE="${BRIDGEBOARD_TEST_IMAGE:-bridgeboard/busybox:offline}"
LOG_DIR="${BRIDGEBOARD_ENGINE_LOG_DIR:-/var/log}"
say() { printf '[engine] %s\n' "$*" >&2; }
# The host's own dockerd is the one with the default pid file: the fleet's engines (scripts/fleet.sh)
# are dockerds too, so a process name alone would find, or stop, the wrong one.
HOST_PIDFILE=/var/run/docker.pid
host_dockerd_alive() { [ -f "$HOST_PIDFILE" ] && kill -0 "$(cat "$HOST_PIDFILE")" 2>/dev/null; }

ping_engine() {
  if [ -n "${DOCKER_HOST:-}" ]; then
    case "$DOCKER_HOST" in
      unix://*) curl -fsS --max-time 2 --unix-socket "${DOCKER_HOST#unix://}" http://localhost/_ping >/dev/null 2>&1 ;;
      tcp://*) curl -fsS --max-time 2 "http://${DOCKER_HOST#tcp://}/_ping" >/dev/null 2>&1 ;;
      *) return 1 ;;
    esac
  else
    [ -S /var/run/docker.sock ] &&
      curl -fsS --max-time 2 --unix-socket /var/run/docker.sock http://localhost/_ping >/dev/null 2>&1
  fi
}

apt_install() {
  # apt-get update once per run; package lists may be missing on a fresh machine.
  if [ -z "${_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    _APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

start_dockerd() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    say "no engine answers and this is not Debian as root: start Docker yourself or set DOCKER_HOST"
    exit 1
  fi
  command -v dockerd >/dev/null || { say "installing docker.io"; apt_install docker.io; }
  command -v curl >/dev/null || apt_install curl
  # A killed dockerd leaves its pid file behind and the next start refuses ("pid file found").
  if [ -f "$HOST_PIDFILE" ] && ! host_dockerd_alive; then
    rm -f "$HOST_PIDFILE"
  fi
  if ! host_dockerd_alive; then
    say "starting dockerd (log: $LOG_DIR/dockerd.log)"
    mkdir -p "$LOG_DIR"
    # setsid: a dockerd started from a test run must outlive that run's process group.
    setsid nohup dockerd >>"$LOG_DIR/dockerd.log" 2>&1 </dev/null &
    disown || true
  fi
  for _ in $(seq 1 120); do
    ping_engine && return 0
    sleep 0.5
  done
  say "dockerd did not answer within 60 s; see $LOG_DIR/dockerd.log"
  exit 1
}

make_image() {
  docker image inspect "$IMAGE" >/dev/null 2>&1 && return 0
  local bb
  bb=$(command -v busybox || true)
  if [ -z "$bb" ] || ! file_is_static "$bb"; then
    [ -x /bin/busybox ] && file_is_static /bin/busybox || apt_install busybox-static
    bb=/bin/busybox
  fi
  local dir
  dir=$(mktemp -d)
  mkdir -p "$dir/bin" "$dir/etc" "$dir/tmp" "$dir/var/www"
  cp "$bb" "$dir/bin/busybox"
  for tool in sh ls cat ping nslookup sleep wget httpd nc ip hostname ifconfig route grep env echo true; do
    ln -sf busybox "$dir/bin/$tool"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\n' >"$dir/etc/passwd"
  printf 'root:x:0:\n' >"$dir/etc/group"
  printf 'bridgeboard test page\n' >"$dir/var/www/index.html"
  tar -C "$dir" -c . | docker import --change 'ENV PATH=/bin' --change 'CMD ["sh"]' - "$IMAGE" >/dev/null
  rm -rf "$dir"
  say "made offline image $IMAGE"
}

file_is_static() { ! ldd "$1" >/dev/null 2>&1; }

# --restart (for fault tests): stop dockerd as a service manager would, wait until it is gone,
# then start it again below. Containers without a restart policy come back stopped.
if [ "${1:-}" = "--restart" ]; then
  if host_dockerd_alive; then
    pid=$(cat "$HOST_PIDFILE")
    kill -TERM "$pid" || true
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  fi
fi

if ping_engine; then
  say "engine answers"
else
  command -v curl >/dev/null || apt_install curl
  ping_engine || start_dockerd
  say "engine answers"
fi
make_image

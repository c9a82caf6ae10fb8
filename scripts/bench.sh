#!/usr/bin/env bash
# npm run bench: makes sure the engine and the offline image are there, then runs bench/run.ts
# (snapshot cost and event latency; see bench/README.md), then the browser bench bench/web-board.ts,
# then the fleet bench bench/fleet.ts (five namespaced engines from scripts/fleet.sh), then the
# sign-in and rights benches bench/sso-signin.ts and bench/grant-checks.ts.
# Objects they make are named bbbench-*, bbwebbench-* and bbauthbench-*; the benches remove them
# themselves, and this script sweeps up after a crash or an interrupt.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node.sh

# sweep PREFIX: removes containers, then networks, whose name starts with PREFIX.
sweep() {
  local ids
  ids=$(docker ps -aq --filter "name=^$1" 2>/dev/null) || return 0
  if [ -n "$ids" ]; then docker rm -f $ids >/dev/null 2>&1 || true; fi
  ids=$(docker network ls -q --filter "name=^$1" 2>/dev/null) || return 0
  if [ -n "$ids" ]; then docker network rm $ids >/dev/null 2>&1 || true; fi
}

bash scripts/engine.sh
# A handler (not an ignore, which children would inherit): on Ctrl-C the bench gets the signal,
# cleans up and exits; this shell then goes on to the sweep instead of dying with it.
trap 'echo "[bench] interrupted" >&2' INT TERM
status=0
# Pure CPU, no engine: the reachability core at board sizes.
tsx --conditions=source bench/reachability.ts || status=$?
tsx --conditions=source bench/run.ts || status=$?
if [ "$status" -ne 0 ]; then
  echo "[bench] exit $status; removing anything left named bbbench-*" >&2
  sweep bbbench-
fi
# The browser part: the built server and web app in Chromium (needs `npx turbo run build` first).
if [ "$status" -eq 0 ]; then
  tsx --conditions=source bench/web-board.ts || status=$?
  if [ "$status" -ne 0 ]; then
    echo "[bench] web bench exit $status; removing anything left named bbwebbench-*" >&2
    sweep bbwebbench-
  fi
fi
# The fleet (issue 12): the built server and five engines of `scripts/fleet.sh up 5` (left up).
fleet_status=0
tsx --conditions=source bench/fleet.ts || fleet_status=$?
if [ "$fleet_status" -ne 0 ]; then
  echo "[bench] fleet bench exit $fleet_status; removing anything left named bbbench-fleet-* on the fleet" >&2
  for n in 1 2 3 4 5; do
    if [ -S "/run/bridgeboard-fleet/$n/docker.sock" ]; then DOCKER_HOST="unix:///run/bridgeboard-fleet/$n/docker.sock" sweep bbbench-fleet-; fi
  done
  [ "$status" -ne 0 ] || status=$fleet_status
fi
# Issue 15: the single sign-on round trip (h) and grant checks per request (i); in-process apps, no build needed.
auth_status=0
tsx --conditions=source bench/sso-signin.ts || auth_status=$?
tsx --conditions=source bench/grant-checks.ts || auth_status=$?
if [ "$auth_status" -ne 0 ]; then
  echo "[bench] sign-in/rights bench exit $auth_status; removing anything left named bbauthbench-*" >&2
  sweep bbauthbench-
  [ "$status" -ne 0 ] || status=$auth_status
fi
exit "$status"

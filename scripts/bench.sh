#!/usr/bin/env bash
# npm run bench: makes sure the engine and the offline image are there, then runs bench/run.ts
# (snapshot cost and event latency; see bench/README.md). Objects it makes are named bbbench-*;
# the bench removes them itself, and this script sweeps up after a crash or an interrupt.
set -euo pipefail
cd "$(dirname "$0")/.."

sweep() {
  local ids
  ids=$(docker ps -aq --filter 'name=^bbbench-' 2>/dev/null) || return 0
  if [ -n "$ids" ]; then docker rm -f $ids >/dev/null 2>&1 || true; fi
  ids=$(docker network ls -q --filter 'name=^bbbench-' 2>/dev/null) || return 0
  if [ -n "$ids" ]; then docker network rm $ids >/dev/null 2>&1 || true; fi
}

bash scripts/engine.sh
# A handler (not an ignore, which children would inherit): on Ctrl-C the bench gets the signal,
# cleans up and exits; this shell then goes on to the sweep instead of dying with it.
trap 'echo "[bench] interrupted" >&2' INT TERM
status=0
npx tsx --conditions=source bench/run.ts || status=$?
if [ "$status" -ne 0 ]; then
  echo "[bench] exit $status; removing anything left named bbbench-*" >&2
  sweep
fi
exit "$status"

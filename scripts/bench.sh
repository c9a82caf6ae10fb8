#!/usr/bin/env bash
# npm run bench: makes sure the engine and the offline image are there, then runs bench/run.ts
# (snapshot cost and event latency; see bench/README.md). Objects it makes are named bbbench-*;
# the bench removes them itself, and this script sweeps up after a crash.
set -euo pipefail
cd "$(dirname "$0")/.."

sweep() {
  local ids
  ids=$(docker ps -aq --filter name=^bbbench- 2>/dev/null | sort -u) || return 0
  [ -n "$ids" ] && docker rm -f $ids >/dev/null 2>&1 || true
  ids=$(docker network ls -q --filter name=^bbbench- 2>/dev/null) || return 0
  [ -n "$ids" ] && docker network rm $ids >/dev/null 2>&1 || true
}

bash scripts/engine.sh
status=0
npx tsx --conditions=source bench/run.ts || status=$?
if [ "$status" -ne 0 ]; then
  echo "[bench] failed (exit $status); removing anything named bbbench-*" >&2
  sweep
fi
exit "$status"

#!/usr/bin/env bash
# npm start: install, make sure an engine answers, build, then serve API and web on PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node.sh
bash scripts/prepare.sh
exec node apps/api/dist/server.js

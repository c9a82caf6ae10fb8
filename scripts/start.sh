#!/usr/bin/env bash
# npm start: install, make sure an engine answers, build, then serve API and web on PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node.sh
bash scripts/prepare.sh
# A young generation of 8 MiB semi-spaces: Node 24 sizes them from the heap limit (tens of MiB),
# which at a few thousand containers is most of the server's RSS and buys it nothing (issue 13).
exec node --max-semi-space-size=8 apps/api/dist/server.js

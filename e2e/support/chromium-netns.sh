#!/bin/sh
# Debian's Chromium, run inside the end-to-end tests' own network namespace (see netns.ts).
#
# On the Docker host Chromium sees every interface Docker adds or removes, and aborts requests in
# flight with ERR_NETWORK_CHANGED. In this namespace it sees only lo and one veth, so the tests'
# network churn cannot reach it; 127.0.0.1:8181 in here is forwarded to the server on the host.
# `ip netns exec` execs Chromium in place, so the pipe Playwright drives it by is kept.
NS="${BRIDGEBOARD_E2E_NETNS_NAME:-bbe2e-ns}"
if ! ip netns exec "$NS" true 2>/dev/null; then
  echo "chromium-netns.sh: network namespace '$NS' is missing; the global setup (e2e/support/global-setup.ts) makes it" >&2
  exit 1
fi
exec ip netns exec "$NS" /usr/bin/chromium "$@"

#!/usr/bin/env bash
# Makes sure the Chromium the end-to-end tests drive is installed: Debian's own /usr/bin/chromium
# (never Playwright's download). Idempotent; installs only when it is missing (Debian, as root).
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "[browser] /usr/bin/chromium is missing and this is not Debian as root: install chromium yourself" >&2
  exit 1
fi
echo "[browser] installing chromium" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
[ -x /usr/bin/chromium ] || { echo "[browser] chromium installed but /usr/bin/chromium is not there" >&2; exit 1; }

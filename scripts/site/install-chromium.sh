#!/usr/bin/env bash
# Installs Debian's Chromium for the site's browser tests (playwright-core drives it; Playwright's
# own browser download does not reach these machines). Does nothing when it is there already.
set -euo pipefail
CHROMIUM="${DOCKWRIGHT_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "install-chromium: $CHROMIUM is missing and this is not root on Debian: install Chromium, or set DOCKWRIGHT_CHROMIUM to its path" >&2
  exit 1
fi
echo "install-chromium: installing Debian's chromium" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
"$CHROMIUM" --version >&2

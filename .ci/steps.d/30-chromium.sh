#!/usr/bin/env bash
# Headless Chromium and its driver for tests/CpaasGen.Browser.Tests (Debian's packages: /usr/bin/chromium,
# /usr/bin/chromedriver). Playwright's own browser download cannot work here, so the tests drive this one.
# Idempotent: installs only what is missing, then checks that the browser starts headless.
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "installing chromium + chromium-driver"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-dejavu-core >/dev/null
fi

chromium --version
chromedriver --version

# The browser must start headless on this closed network (no background networking, fresh profile).
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
if ! timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
  --dump-dom 'data:text/html,<p id=ok>chromium-ok</p>' 2>/dev/null | grep -q chromium-ok; then
  echo "chromium did not render a page headless" >&2
  exit 1
fi
echo "chromium renders headless"

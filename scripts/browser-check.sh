#!/usr/bin/env bash
# Checks peil's HTML reports in headless Chromium (no network) and saves
# report-desktop.png, report-phone.png and report.pdf next to each report.
# Installs what it needs on a fresh Debian machine (run as root, e.g. in CI).
# See scripts/browser-check/README.md.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 REPORT.html..." >&2
  exit 2
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/browser-check"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "browser-check: installing chromium with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-liberation fonts-dejavu-core >/dev/null
fi
# Debian's launcher script prints a harmless shell warning on stderr; drop it.
echo "browser-check: using $("$CHROMIUM_PATH" --version 2>/dev/null) ($CHROMIUM_PATH)"

# The installed versions must be the pinned ones (playwright-core, axe-core).
version() { node -p "require('$here/$1/package.json')$2" 2>/dev/null || true; }
wanted="$(version . ".dependencies['playwright-core']") $(version . ".dependencies['axe-core']")"
installed="$(version node_modules/playwright-core .version) $(version node_modules/axe-core .version)"
if [ "$installed" != "$wanted" ]; then
  echo "browser-check: npm ci (playwright-core, axe-core: $wanted)" >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

exec node "$here/check.mjs" "$@"

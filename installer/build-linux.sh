#!/usr/bin/env bash
# Smoke build of the same PyInstaller spec on Linux (the Windows build uses
# build-windows.ps1): checks that the frozen program finds its font, translations and
# migrations by creating a demo database with the frozen CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-env
.venv/bin/pip install -q "pyinstaller==6.22.3"
.venv/bin/pyinstaller --noconfirm --distpath dist --workpath build installer/desktop_crm.spec
rm -f /tmp/frozen-demo.db
dist/desktop_crm/desktop-crm-cli demo --db /tmp/frozen-demo.db --customers 200
# Search (pinyin initials, local dates through zoneinfo) and the bundled zone database.
dist/desktop_crm/desktop-crm-cli search zw --db /tmp/frozen-demo.db --json --limit 2
test -f dist/desktop_crm/_internal/tzdata/zoneinfo/Asia/Shanghai
# The Chinese catalogue: a second demo into the same file is refused in Chinese, status 2.
rc=0
msg=$(env -u DESKTOP_CRM_LANG dist/desktop_crm/desktop-crm-cli demo --db /tmp/frozen-demo.db \
      --customers 10 2>&1) || rc=$?
if [ "$rc" != 2 ] || [[ "$msg" != *已有数据* ]]; then
  echo "frozen CLI: expected the Chinese 'already holds data' error, got status $rc: $msg" >&2
  exit 1
fi
# The GUI starts and waits at the login dialog (the timeout ends it: status 124).
rc=0
QT_QPA_PLATFORM=offscreen timeout 15 dist/desktop_crm/desktop-crm --db /tmp/frozen-demo.db \
  2>/tmp/frozen-gui.err || rc=$?
if [ "$rc" != 124 ] || grep -qE "Traceback|ModuleNotFoundError|ImportError|Failed to execute" /tmp/frozen-gui.err; then
  echo "frozen GUI: status $rc (124 expected)" >&2; cat /tmp/frozen-gui.err >&2
  exit 1
fi
echo "frozen build ok: dist/desktop_crm ($(du -sh dist/desktop_crm | cut -f1))"

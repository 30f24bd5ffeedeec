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
echo "frozen build ok: dist/desktop_crm"

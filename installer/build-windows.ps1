# Build the Windows installer: PyInstaller folder, then Inno Setup.
# Needs Python 3.11 (x64) and Inno Setup 6 (iscc.exe on PATH). Run from the repo root:
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
$ErrorActionPreference = "Stop"
py -3.11 -m venv .venv-build
.\.venv-build\Scripts\python -m pip install --upgrade pip
.\.venv-build\Scripts\python -m pip install . "pyinstaller==6.22.3"
.\.venv-build\Scripts\pyinstaller --noconfirm --distpath dist --workpath build installer\desktop_crm.spec
iscc installer\desktop_crm.iss
Write-Host "Installer written to dist\"

#!/usr/bin/env bash
# Sets up everything on a fresh Debian machine: system packages, the virtual environment with the
# pinned dependencies, compiled translations. Safe to run again: each step does nothing when done.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: PostgreSQL client library, gettext (translations), Chromium (browser tests),
# LibreOffice (.doc reading, .docx → PDF in report tests) and fonts metric-compatible with Times New Roman.
APT_PACKAGES=(libpq5 gettext chromium libreoffice-writer-nogui fonts-dejavu-core fonts-liberation poppler-utils tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  echo "==> virtual environment (.venv)"
  "$PYTHON" -m venv .venv
fi
# Re-install only when the pins changed (the stamp records the hash of the files that pin).
stamp=.venv/.trienkhai-installed
want=$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "==> pip install (pinned by constraints.txt)"
  .venv/bin/python -m pip install -q --upgrade "pip==26.3"
  .venv/bin/python -m pip install -q -c constraints.txt -e '.[dev]'
  echo "$want" > "$stamp"
fi

echo "==> translations"
.venv/bin/python scripts/compile_messages.py

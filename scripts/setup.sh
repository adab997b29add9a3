#!/usr/bin/env bash
# Quire setup: installs what the build and the tests need, then builds the guide into output/.
#   system (Debian, as root): chromium (PDF rendering), epubcheck + a Java runtime (EPUB checks),
#                             poppler-utils (PDF text for the tests), qpdf (PDF structure checks in the tests),
#                             fonts-noto-cjk (Chinese, Japanese and Korean text in the PDF)
#   npm: the project's dependencies from package-lock.json
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
if [ -z "${QUIRE_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  missing+=(chromium)
fi
[ -f /usr/share/java/epubcheck.jar ] || missing+=(epubcheck)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
# Chinese, Japanese and Korean text in the PDF needs a font that draws it (Chromium prints boxes otherwise).
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  missing+=(fonts-noto-cjk)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: need root to install them: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "setup: installing npm packages"
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi

echo "setup: building the guide"
npm run build

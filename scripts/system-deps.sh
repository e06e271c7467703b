#!/usr/bin/env bash
# Installs the Debian packages the processor and its tests use, only when one is missing.
#   tesseract-ocr(-dan): OCR of scanned payslips   poppler-utils: pdftoppm
#   dovecot-imapd: the real IMAP server of the tests   postgresql: the second database of the tests
#   chromium: the headless browser of the review-page tests
set -u
PACKAGES="tesseract-ocr tesseract-ocr-dan poppler-utils dovecot-core dovecot-imapd postgresql chromium fonts-dejavu-core"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
  echo "system-deps: missing Debian packages:$missing (not root, no sudo: OCR and the server tests will say what they lack)" >&2
  exit 0
fi
echo "system-deps: installing$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null || {
  echo "system-deps: apt-get failed for$missing; continuing without them" >&2; exit 0; }

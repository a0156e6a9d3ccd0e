#!/usr/bin/env bash
# What the tests need from Debian: chromium for the browser test (playwright-core never downloads
# a browser) with the Liberation fonts the OCR test pages are drawn in, qpdf, which packs a PDF
# into object streams for a hostile-input test, heif-enc, which makes an iPhone-style HEIC photo,
# pdftotext with poppler-data's CMaps, which the PDF reader is compared with on CJK text, native
# tesseract, so that both OCR engines are tested (the service reads its own model; the English data
# package comes along as a dependency), and redis-server, which the fleet's tests start on a free
# port of their own (never a mocked Redis). Installs what is missing when this machine can
# (root with apt-get); otherwise says how.
set -u
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -d /usr/share/fonts/truetype/liberation ] || missing+=(fonts-liberation)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
[ -x /usr/bin/heif-enc ] || missing+=(libheif-examples)
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr tesseract-ocr-eng)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ -d /usr/share/poppler/cMap ] || missing+=(poppler-data)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${missing[*]} for the tests ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null && exit 0
  echo "could not install ${missing[*]} with apt-get" >&2
  [ -n "${CI:-}" ] && exit 1
  exit 0
fi
echo "note: ${missing[*]} missing; the tests that need them fail or are skipped (sudo apt-get install ${missing[*]})." >&2
[ -n "${CI:-}" ] && exit 1
exit 0

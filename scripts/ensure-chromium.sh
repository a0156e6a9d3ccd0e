#!/usr/bin/env bash
# The browser test drives Debian's chromium (playwright-core never downloads a browser).
# Installs it when missing and this machine can (root with apt-get); otherwise says how.
set -u
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser test ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null && exit 0
  echo "could not install chromium with apt-get" >&2
  [ -n "${CI:-}" ] && exit 1
  exit 0
fi
echo "note: /usr/bin/chromium is missing; the browser test is skipped (sudo apt-get install chromium)." >&2
[ -n "${CI:-}" ] && exit 1
exit 0

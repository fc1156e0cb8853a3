#!/bin/sh
# System packages the test suite uses beyond PyPI: a headless browser for the
# `layout watch --serve` preview tests (tests/cli/test_serve_browser.py), and
# poppler-utils (pdffonts, pdftoppm) for the tests that run ../shared/tools/pdfcheck.py.
# Installs Debian's chromium, chromium-driver and poppler-utils when missing; does nothing
# when they are there. Without apt-get (not Debian/Ubuntu) it says so and exits 0:
# the browser tests then skip with that reason.
set -eu

missing=""
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing="chromium"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
command -v pdffonts >/dev/null 2>&1 || missing="$missing poppler-utils"
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "test-deps: no apt-get here; install$missing yourself, or the browser tests skip" >&2
    exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
        echo "test-deps: need root (or sudo) to install$missing; the browser tests skip without them" >&2
        exit 0
    fi
fi
echo "test-deps: installing$missing" >&2
$sudo apt-get update -qq
# shellcheck disable=SC2086  # word splitting of the package list is meant
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null

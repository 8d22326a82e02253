#!/usr/bin/env bash
# Install the Debian packages given as arguments, but only those not installed yet.
#
#   tools/install_system_packages.sh PACKAGE...
#
# Nothing missing: does nothing and needs no rights. Something missing: runs
# `apt-get update && apt-get install -y` as root, through sudo when not root, or says what
# to run. Works without a terminal (CI runs it as root with CI=true).
# QUIZGEN_APT_DRY_RUN=1 prints the command instead of running it.
set -euo pipefail

missing=()
for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done

if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi

echo "Installing missing system packages: ${missing[*]}"
if [ "${QUIZGEN_APT_DRY_RUN:-0}" = "1" ]; then
    echo "dry run: apt-get update && apt-get install -y ${missing[*]}"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
    # Without a terminal sudo cannot ask for a password: fail at once instead of hanging.
    [ -t 0 ] || sudo=(sudo -n)
else
    echo "error: these packages are missing and this user cannot install them: ${missing[*]}" >&2
    echo "Run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q "${missing[@]}"

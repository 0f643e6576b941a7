#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
#
# Make sure the Debian packages the build and the tests need are installed.
# Silent when they all are.  Otherwise, as root, installs the missing ones
# with apt-get (output goes to a log under /tmp, one summary line on
# stdout); as anyone else, prints the exact install command on stderr and
# exits 1.  Used by the Makefile and by .ci/run.
#
# NEVER install the gcc multilib package ("gcc-" "multilib", written apart
# here so that a grep for the name across tools/ finds only real uses): on
# Debian it conflicts with gcc-i686-linux-gnu, and apt resolves the conflict
# by silently removing the cross compiler.
set -euo pipefail

packages=(
	gcc-i686-linux-gnu
	binutils-i686-linux-gnu
	nasm
	grub-pc-bin
	grub-common
	xorriso
	mtools
	qemu-system-x86
	e2fsprogs
	python3
	python3-pexpect
	newlib-source
)

# Print the packages of the list that are not fully installed.
missing_packages()
{
	local pkg status

	for pkg in "${packages[@]}"; do
		status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null) ||
			status=
		[[ $status == "install ok installed" ]] || echo "$pkg"
	done
}

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "install-deps: dpkg-query not found; this needs Debian or a" \
	     "derivative with these packages: ${packages[*]}" >&2
	exit 1
fi

mapfile -t missing < <(missing_packages)
((${#missing[@]} == 0)) && exit 0

if (($(id -u) != 0)); then
	echo "install-deps: missing packages: ${missing[*]}; run:" >&2
	echo "sudo apt-get install -y ${missing[*]}" >&2
	exit 1
fi

log=$(mktemp /tmp/axolotl-install-deps.XXXXXX.log)
if ! { apt-get update &&
       DEBIAN_FRONTEND=noninteractive apt-get install -y \
	       --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
	echo "install-deps: apt-get failed installing ${missing[*]};" \
	     "see $log" >&2
	tail -n 20 "$log" >&2
	exit 1
fi

# Guard against a conflict that removed something we had (see above).
mapfile -t still_missing < <(missing_packages)
if ((${#still_missing[@]} > 0)); then
	echo "install-deps: still missing after install: ${still_missing[*]};" \
	     "see $log" >&2
	exit 1
fi
echo "install-deps: installed ${#missing[@]} packages: ${missing[*]}" \
     "(log: $log)"

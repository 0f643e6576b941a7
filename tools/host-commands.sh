#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
#
# Build the shell and the commands (commands/*/) for the host, into
# build/host/bin/<name>, so that test/host/test_commands.py can run them
# on the host (they are POSIX programs; the guest links the same sources
# against newlib).  Each directory with a prog.mk makes one program named
# after the directory, from the SRCS of its prog.mk, or from HOST_SRCS
# when it sets them: a command that needs Axolotl's own calls keeps them
# in a file of its own and names a host stand-in there (canned figures,
# no real shutdown).  Compiled as strictly as guest code; the ABI headers
# of include/ (<axo/...>) are on the include path.  Prints one
# line per program that fails to build and exits 1 if any did.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1

host_cc=${HOST_CC:-gcc}
cflags=(-std=c11 -D_DEFAULT_SOURCE -O2 -Wall -Wextra -Werror
	-Wstrict-prototypes -Wmissing-prototypes -Wshadow -Wvla -Iinclude)
out_dir=build/host/bin
status=0

mkdir -p "$out_dir" || exit 1
# The value of variable $2 in prog.mk $1, or nothing.
mk_var()
{
	sed -n "s/^$2[[:space:]]*:=[[:space:]]*//p" "$1"
}

for dir in commands/*/; do
	[ -f "$dir/prog.mk" ] || continue
	name=$(basename "$dir")
	list=$(mk_var "$dir/prog.mk" HOST_SRCS)
	[ -n "$list" ] || list=$(mk_var "$dir/prog.mk" SRCS)
	srcs=()
	for src in $list; do
		srcs+=("$dir$src")
	done
	if ! "$host_cc" "${cflags[@]}" -I"$dir" "${srcs[@]}" \
		-o "$out_dir/$name"; then
		echo "host-commands: $name does not build"
		status=1
	fi
done
exit $status

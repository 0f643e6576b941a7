#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
#
# Build the shell and the commands (commands/*/) for the host, into
# build/host/bin/<name>, so that test/host/test_commands.py can run them
# on the host (they are POSIX programs; the guest links the same sources
# against newlib).  Each directory's .c files make one program named after
# the directory.  Compiled as strictly as guest code.  Prints one
# line per program that fails to build and exits 1 if any did.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1

host_cc=${HOST_CC:-gcc}
cflags=(-std=c11 -D_DEFAULT_SOURCE -O2 -Wall -Wextra -Werror
	-Wstrict-prototypes -Wmissing-prototypes -Wshadow -Wvla)
out_dir=build/host/bin
status=0

mkdir -p "$out_dir" || exit 1
for dir in commands/*/; do
	name=$(basename "$dir")
	srcs=("$dir"*.c)
	if ! "$host_cc" "${cflags[@]}" -I"$dir" "${srcs[@]}" \
		-o "$out_dir/$name"; then
		echo "host-commands: $name does not build"
		status=1
	fi
done
exit $status

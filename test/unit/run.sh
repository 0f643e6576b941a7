#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
#
# Build and run the host unit tests: each test/unit/test_<name>.c becomes
# build/unit/test_<name>, compiled for the host with HOST_CC (default gcc).
# A test file may name sources it needs built with it on a line
#
#	// UNIT_SOURCES: kernel/elf.c lib/foo.c
#
# (space-separated, paths from the repository root).  Kernel-private
# headers are on the include path as well, so "elf.h" finds kernel/elf.h.
# Prints every test's PASS/FAIL line, then one verdict line for all of
# them, "N passed, M failed".  Exits 1 if any test failed.  A file that
# does not build counts as one failure, build_<name>; a binary that
# crashes, hangs or whose verdict line is missing counts as one failure,
# run_<name>.
set -uo pipefail

cd "$(dirname "$0")/../.." || exit 1

host_cc=${HOST_CC:-gcc}
cflags=(-std=c11 -Wall -Wextra -Werror -Iinclude -Ikernel)
out_dir=build/unit
time_limit=60   # seconds per test binary; a hang counts as a failure
passed=0
failed=0

mkdir -p "$out_dir" || exit 1

# Extra arguments for a test binary, one per line.
test_args()
{
	case "$1" in
	test_errno)
		echo include/axo/errno.h
		echo lib/libsys/strerror.c
		;;
	esac
}

# Extra sources a test file names on its "// UNIT_SOURCES:" lines, one
# per line.
test_sources()
{
	sed -n 's|^// UNIT_SOURCES:||p' "$1" | tr -s ' \t' '\n' | sed '/^$/d'
}

# Build, run and count one test file.
run_one()
{
	local src=$1 name bin output status verdict args=() extra=()

	name=$(basename "$src" .c)
	bin=$out_dir/$name
	mapfile -t extra < <(test_sources "$src")
	if ! "$host_cc" "${cflags[@]}" "$src" "${extra[@]}" -o "$bin"; then
		echo "FAIL build_$name: expected $src to compile, got errors"
		failed=$((failed + 1))
		return
	fi
	mapfile -t args < <(test_args "$name")
	output=$(timeout "$time_limit" "$bin" "${args[@]}")
	status=$?
	[[ -n $output ]] && printf '%s\n' "$output"
	verdict=$(printf '%s\n' "$output" | tail -n 1)
	if [[ $verdict =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
		passed=$((passed + BASH_REMATCH[1]))
		failed=$((failed + BASH_REMATCH[2]))
		if ((status != 0 && BASH_REMATCH[2] == 0)); then
			echo "FAIL run_$name: expected exit 0, got $status"
			failed=$((failed + 1))
		fi
	else
		echo "FAIL run_$name: expected a verdict line, got exit $status"
		failed=$((failed + 1))
	fi
}

shopt -s nullglob
sources=(test/unit/test_*.c)
if ((${#sources[@]} == 0)); then
	echo "FAIL run_unit_tests: expected test/unit/test_*.c, got none"
	failed=1
fi
for src in "${sources[@]}"; do
	run_one "$src"
done

echo "$passed passed, $failed failed"
((failed == 0))

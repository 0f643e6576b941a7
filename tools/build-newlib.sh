#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
#
# Build newlib for the guest, once, from Debian's newlib-source package.
#
#   build-newlib.sh OUTDIR CROSS
#
# OUTDIR (e.g. build/newlib) receives the wrapper tools (bin/), the build
# tree (obj/) and the result (install/i686-elf/{include,lib}).  A stamp
# file makes later runs return at once; `make clean` keeps OUTDIR and
# `make distclean` removes it.  Newlib is configured for i686-elf through
# small i686-elf-* wrappers around the i686-linux-gnu-* tools; the wrappers
# undefine the Linux macros the cross compiler predefines, which would
# otherwise make newlib's headers ask for Linux-only internals.
set -eu

out=$1
cross=$2
version=3.3.0
tarball=/usr/src/newlib/newlib-$version.tar.xz
stamp=$out/install/.built-$version

[ -f "$stamp" ] && exit 0
[ -f "$tarball" ] || { echo "build-newlib: $tarball missing (package newlib-source)" >&2; exit 1; }

mkdir -p "$out/bin"
out=$(cd "$out" && pwd)
stamp=$out/install/.built-$version
undef="-U__linux__ -U__gnu_linux__ -Ulinux -U__unix__ -Uunix"
for tool in gcc cc; do
	cat > "$out/bin/i686-elf-$tool" <<WRAP
#!/bin/sh
exec ${cross}gcc -m32 -march=i686 $undef "\$@"
WRAP
done
for tool in ar as ld nm ranlib objcopy objdump readelf strip; do
	printf '#!/bin/sh\nexec %s%s "$@"\n' "$cross" "$tool" > "$out/bin/i686-elf-$tool"
done
chmod +x "$out/bin"/*
export PATH="$out/bin:$PATH"

echo "build-newlib: building newlib $version (once; cached in $out)"
rm -rf "$out/src" "$out/obj" "$out/install"
mkdir -p "$out/src" "$out/obj"
tar -xJf "$tarball" -C "$out/src" --strip-components=1
cd "$out/obj"
"$out/src/configure" --target=i686-elf \
	--prefix="$out/install" --disable-multilib --disable-nls \
	--enable-newlib-io-c99-formats --enable-newlib-io-long-long \
	--disable-newlib-supplied-syscalls \
	CFLAGS_FOR_TARGET="-O2 -g -fno-stack-protector -fno-pie" \
	> "$out/configure.log" 2>&1
make -j"$(nproc)" all-target-newlib > "$out/make.log" 2>&1 ||
	{ tail -30 "$out/make.log"; exit 1; }
make install-target-newlib >> "$out/make.log" 2>&1
touch "$stamp"
echo "build-newlib: done"

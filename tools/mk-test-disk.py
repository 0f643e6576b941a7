#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Write the ktest disk image: 8192 sectors of 512 bytes (4 MiB).

Sectors 0, 1 and 4096..8191 hold a pattern that names its sector, so the
in-guest block device tests (test/guest/ktest/t_blockdev.c, disk_byte)
can check what they read: byte i of sector n is (n * 13 + i * 7 + (n >> 8))
& 0xff, except bytes 0..3, the sector number little-endian.

Sectors 2..4095 hold an ext2 file system of 2048 blocks of 1 KiB, made by
mke2fs from a staging tree with /hello.txt (HELLO below) and /dir/a.txt,
for the ext2 server tests (test/guest/ktest/t_ext2.c).  With 1 KiB
blocks ext2 never touches block 0 (sectors 0 and 1), the boot block,
which therefore keeps the pattern."""
import os
import shutil
import subprocess
import sys
import tempfile

SECTOR = 512
SECTORS = 8192
FS_BLOCKS = 2048  # 1 KiB blocks: sectors 0..4095
HELLO = b"hello from the ext2 test disk\n"  # t_ext2.c knows this text


def sector(n):
    """The contents of sector n."""
    b = bytearray((n * 13 + i * 7 + (n >> 8)) & 0xff for i in range(SECTOR))
    b[0:4] = n.to_bytes(4, "little")
    return bytes(b)


def mke2fs():
    """The path of mke2fs (often in /usr/sbin, not on a user's PATH)."""
    for p in (shutil.which("mke2fs"), "/usr/sbin/mke2fs", "/sbin/mke2fs"):
        if p and os.path.exists(p):
            return p
    sys.exit("mk-test-disk.py: mke2fs not found (install e2fsprogs)")


def ext2_image(tmp):
    """Build the ext2 file system in tmp; its bytes."""
    stage = os.path.join(tmp, "stage")
    os.makedirs(os.path.join(stage, "dir"))
    with open(os.path.join(stage, "hello.txt"), "wb") as f:
        f.write(HELLO)
    with open(os.path.join(stage, "dir", "a.txt"), "wb") as f:
        f.write(b"a\n")
    img = os.path.join(tmp, "fs.img")
    r = subprocess.run([mke2fs(), "-q", "-F", "-t", "ext2", "-b", "1024",
                        "-I", "128", "-d", stage, img, str(FS_BLOCKS)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"mk-test-disk.py: mke2fs failed:\n{r.stdout}{r.stderr}")
    with open(img, "rb") as f:
        data = f.read()
    if len(data) != FS_BLOCKS * 1024:
        sys.exit(f"mk-test-disk.py: mke2fs made {len(data)} bytes")
    return data


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: mk-test-disk.py OUTPUT")
    with tempfile.TemporaryDirectory() as tmp:
        fs = ext2_image(tmp)
    with open(sys.argv[1] + ".tmp", "wb") as f:
        for n in range(SECTORS):
            if 2 <= n < FS_BLOCKS * 2:
                f.write(fs[n * SECTOR:(n + 1) * SECTOR])
            else:
                f.write(sector(n))
    os.replace(sys.argv[1] + ".tmp", sys.argv[1])


if __name__ == "__main__":
    main()

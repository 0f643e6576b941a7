#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Write the ktest disk image: 8192 sectors of 512 bytes (4 MiB), each
filled with a pattern that names its sector, so the in-guest block device
tests (test/guest/ktest/t_blockdev.c, disk_pattern_byte) can check what
they read: byte i of sector n is (n * 13 + i * 7 + (n >> 8)) & 0xff, except
bytes 0..3, the sector number little-endian."""
import os
import sys

SECTOR = 512
SECTORS = 8192


def sector(n):
    """The contents of sector n."""
    b = bytearray((n * 13 + i * 7 + (n >> 8)) & 0xff for i in range(SECTOR))
    b[0:4] = n.to_bytes(4, "little")
    return bytes(b)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: mk-test-disk.py OUTPUT")
    with open(sys.argv[1] + ".tmp", "wb") as f:
        for n in range(SECTORS):
            f.write(sector(n))
    os.replace(sys.argv[1] + ".tmp", sys.argv[1])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""make bench: boot the benchmark images twice under -icount and report.

Two boots make one run: the kernel-test image with "bench" on the command
line (IPC and kernel-call figures) and the [bench] image, where init runs
ubench (PM and process figures).

Under -icount shift=0,sleep=off the guest's TSC counts executed
instructions, so each figure must be identical on both runs; a difference
is reported as a failure (the figures would not be trustworthy).
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from qemu import add_boot_args, boot, qemu_cmd  # noqa: E402

FIGURE = re.compile(r"^([a-z_0-9]+): (\d+) (\w+)$")


def run_once(args):
    figures = boot_figures(args, args.initrd_ktest, "bench",
                           args.disk_ktest)
    figures.update(boot_figures(args, args.initrd_bench, ""))
    return figures


def boot_figures(args, initrd, append, disk=None):
    cmd = qemu_cmd(args.qemu, args.mem, kernel=args.kernel,
                   initrd=initrd, append=append, icount=True, disk=disk)
    status, text, _ = boot(cmd, args.timeout)
    figures = {}
    for line in text.splitlines():
        m = FIGURE.match(line.strip())
        if m:
            figures[m.group(1)] = (int(m.group(2)), m.group(3))
    if status != 0 or not figures:
        print(text)
        sys.exit(f"bench: the benchmark boot failed (status {status})")
    return figures


def main():
    ap = argparse.ArgumentParser()
    add_boot_args(ap, timeout=300)
    ap.add_argument("--initrd-bench", required=True,
                    help="QEMU -initrd string of the [bench] image")
    args = ap.parse_args()

    first, second = run_once(args), run_once(args)
    for name, (value, unit) in first.items():
        print(f"{name}: {value} {unit}")
    if first != second:
        diff = {k: (first.get(k), second.get(k)) for k in first
                if first.get(k) != second.get(k)}
        sys.exit(f"bench: figures differ between two runs: {diff}")
    print("bench: two runs gave identical figures")


if __name__ == "__main__":
    main()

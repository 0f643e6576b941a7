#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""make bench: boot the benchmark images twice under -icount and report.

Three boots make one run: the kernel-test image with "bench" on the
command line (IPC and kernel-call figures), the [bench] image, where init
runs ubench (PM and process figures), and the [benchfs] image, the full
system on the root disk, where init runs fsbench after starting the
console shell (file-system figures, boot_to_shell, and the crash
recovery of hello: recovery_hello_restart).  Then the full
system is booted with less and less memory: system_min_mem is the least
(of MEM_STEPS) in which it still runs fsbench to the end.

Under -icount shift=0,sleep=off the guest's TSC counts executed
instructions, so each figure must be identical on both runs; a difference
is reported as a failure (the figures would not be trustworthy).

The figures also go to build/bench.json ({"figures": {name: {"value": v,
"unit": u}}}), which tools/report.py renders.
"""
import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from qemu import add_boot_args, boot, qemu_cmd  # noqa: E402

# Anywhere in a line: the console shell's prompt may precede a figure.
FIGURE = re.compile(r"\b([a-z_0-9]+): (\d+) (insn|ns)$")

# The disk-bound figures (boot_to_shell, file_*_1mib) repeat exactly too:
# the ata driver uses bus-master DMA, which QEMU completes when the guest
# stops the transfer, after a fixed number of instructions (README,
# "Benchmarking"); with PIO they would depend on the host.


def run_once(args):
    figures = boot_figures(args, args.initrd_ktest, "bench",
                           args.disk_ktest)
    figures.update(boot_figures(args, args.initrd_bench, ""))
    figures.update(boot_figures(args, args.initrd_benchfs, "",
                                args.disk_root))
    return figures


MEM_STEPS = [24, 16, 12, 10, 8, 6]  # MiB


def min_mem(args):
    """The least MEM_STEPS size in which the full system runs fsbench."""
    least = None
    for mem in MEM_STEPS:
        cmd = qemu_cmd(args.qemu, mem, kernel=args.kernel,
                       initrd=args.initrd_benchfs, icount=True,
                       disk=args.disk_root)
        status, _, _ = boot(cmd, args.timeout)
        if status != 0:
            break
        least = mem
    return least


def boot_figures(args, initrd, append, disk=None):
    cmd = qemu_cmd(args.qemu, args.mem, kernel=args.kernel,
                   initrd=initrd, append=append, icount=True, disk=disk)
    status, text, _ = boot(cmd, args.timeout)
    figures = {}
    for line in text.splitlines():
        m = FIGURE.search(line.strip())
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
    ap.add_argument("--initrd-benchfs", required=True,
                    help="QEMU -initrd string of the [benchfs] image")
    ap.add_argument("--json", default="build/bench.json",
                    help="where to write the figures as JSON")
    args = ap.parse_args()

    first, second = run_once(args), run_once(args)
    for name, (value, unit) in first.items():
        print(f"{name}: {value} {unit}")
    diff = {k: (v, second.get(k)) for k, v in first.items()
            if second.get(k) != v}
    if diff or set(first) != set(second):
        sys.exit(f"bench: figures differ between two runs: {diff}")
    print("bench: two runs gave identical figures")
    least = min_mem(args)
    if least is None:
        sys.exit(f"bench: the system did not run in {MEM_STEPS[0]} MiB")
    print(f"system_min_mem: {least} MiB")
    first["system_min_mem"] = (least, "MiB")
    write_json(args.json, first)


def write_json(path, figures):
    """The figures as JSON at path, in the order they were printed."""
    data = {"figures": {name: {"value": value, "unit": unit}
                        for name, (value, unit) in figures.items()}}
    with open(path, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

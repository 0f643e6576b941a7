#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""make campaign: the fault-injection campaign (issue 7).

The host only boots, collects and checks; the faults come from inside the
guest.  A private copy of the root disk gets an /etc/rc that runs the
campaign driver (test/guest/campaign: workload, faults, one log line per
fault on the kernel log) and then shuts down.  The system boots under
-icount shift=0,sleep=off, so the guest is deterministic: the same seed
gives the same log, line for line (no host times go into it).

After the boot the host's e2fsck -fn checks the disk, and the log
(build/campaign-<seed>.log) ends with

  campaign: seed S injected N recovered R kernel-panics P hangs H
            bytes-lost B e2fsck clean|DIRTY

The exit status is non-zero on any panic (a kernel panic, or RS halting
because a core server could not be recovered), hang (the driver did not
finish in time, or a fault was not recovered), lost byte or unclean file
system.

usage: campaign.py --seed S --faults N --targets a,b,... [boot options]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from qemu import qemu_cmd, boot  # noqa: E402

ALL_TARGETS = "hello,tty,ata,ext2,ds,pm,vfs,vm,rs"
# The driver's lines on the kernel log (a prompt or a prefix may precede).
LOG_LINE = re.compile(r"((?:fault \d+|workload |campaign-guest: |"
                      r"campaign: ).*)$")
GUEST_END = re.compile(r"campaign-guest: seed \d+ injected (\d+) recovered "
                       r"(\d+) unrecovered (\d+) errors (\d+) lost (\d+)")
# A kernel panic, or RS halting the system (servers/rs/manager.c rs_halt).
PANIC = re.compile(r"kernel panic:|cannot be recovered")

RC = """# /etc/rc of a fault-injection campaign (tools/campaign.py)
echo "rc: fault-injection campaign"
/test/campaign {seed} {faults} {targets}
shutdown
"""


def prepare_disk(disk, seed, faults, targets):
    """Give disk (a copy of the root image) the campaign's /etc/rc."""
    with tempfile.NamedTemporaryFile("w", suffix=".rc", delete=False) as f:
        f.write(RC.format(seed=seed, faults=faults, targets=targets))
        rc = f.name
    try:
        for req in ("rm /etc/rc", f"write {rc} /etc/rc"):
            subprocess.run(["debugfs", "-w", "-R", req, disk], check=True,
                           stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    finally:
        os.unlink(rc)


def icount(cmd):
    """QEMU command cmd made deterministic: -icount, no drive write cache
    (as tools/qemu.py does for make bench)."""
    out = []
    for arg in cmd:
        if arg.startswith("file=") and "if=ide" in arg:
            arg += ",cache=writethrough"
        out.append(arg)
    return out + ["-icount", "shift=0,sleep=off"]


def e2fsck_clean(disk):
    p = subprocess.run(["e2fsck", "-fn", disk], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    return p.returncode == 0


def judge(seed, status, text, disk):
    """The log lines of one campaign boot and its summary: (lines, ok)."""
    lines = []
    for raw in text.splitlines():
        m = LOG_LINE.search(raw.strip())
        if m:
            lines.append(m.group(1))
    end = next((GUEST_END.search(x) for x in reversed(lines)
                if GUEST_END.search(x)), None)
    panics = 1 if PANIC.search(text) else 0
    injected = recovered = lost = 0
    hangs = 0
    if end is None:
        hangs = 0 if panics else 1
        injected = sum(1 for x in lines if x.startswith("fault "))
        recovered = sum(1 for x in lines if x.startswith("fault ") and
                        "NOT-RECOVERED" not in x)
    else:
        injected, recovered, unrecovered, _, lost = map(int, end.groups())
        hangs = unrecovered
    clean = e2fsck_clean(disk)
    summary = (f"campaign: seed {seed} injected {injected} recovered "
               f"{recovered} kernel-panics {panics} hangs {hangs} "
               f"bytes-lost {lost} e2fsck {'clean' if clean else 'DIRTY'}")
    ok = panics == 0 and hangs == 0 and lost == 0 and clean and \
        end is not None and status == 0
    return lines + [summary], ok


def run(cmd, disk, seed, faults, targets, timeout):
    """Boot cmd (booting the system on disk, writable) for one campaign;
    (log lines, ok, the whole console text)."""
    prepare_disk(disk, seed, faults, targets)
    status, text, _ = boot(icount(cmd), timeout)
    lines, ok = judge(seed, status, text, disk)
    return lines, ok, text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--qemu", default="qemu-system-i386")
    ap.add_argument("--mem", default="32")
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--initrd-system", required=True)
    ap.add_argument("--disk-root", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--faults", type=int, default=500)
    ap.add_argument("--targets", default=ALL_TARGETS)
    ap.add_argument("--log", default=None)
    ap.add_argument("--timeout", type=int, default=None,
                    help="seconds (default: 60 + a second per fault)")
    args = ap.parse_args()
    log = args.log or f"build/campaign-{args.seed}.log"
    disk = f"build/campaign-{args.seed}.img"
    shutil.copy(args.disk_root, disk)
    cmd = qemu_cmd(args.qemu, args.mem, kernel=args.kernel,
                   initrd=args.initrd_system, disk=disk, snapshot=False)
    lines, ok, text = run(cmd, disk, args.seed, args.faults, args.targets,
                          args.timeout or 60 + args.faults)
    with open(log, "w") as f:
        f.write("\n".join(lines) + "\n")
    if not ok:
        print("\n".join(text.splitlines()[-30:]))
    print(lines[-1])
    print(f"campaign: log in {log}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

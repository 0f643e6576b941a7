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
finish in time, the guest said nothing for SILENCE seconds, or a fault
was not recovered), lost byte or unclean file system.  The log lines go
to the log file as they come, so a campaign of hours that is stopped
leaves what it did.

usage: campaign.py --seed S --faults N --targets a,b,... [boot options]
"""
import argparse
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from qemu import qemu_cmd  # noqa: E402

ALL_TARGETS = "hello,tty,ata,ext2,ds,pm,vfs,vm,rs"
# The driver's lines on the kernel log (a prompt or a prefix may precede).
LOG_LINE = re.compile(r"((?:fault \d+|workload |campaign-guest: |"
                      r"campaign: ).*)$")
GUEST_END = re.compile(r"campaign-guest: seed \d+ injected (\d+) recovered "
                       r"(\d+) unrecovered (\d+) errors (\d+) lost (\d+)")
# A kernel panic, or RS halting the system (servers/rs/manager.c rs_halt).
PANIC = re.compile(r"kernel panic:|cannot be recovered")
# Seconds without a word from the guest that make a hang.  The longest
# quiet stretch of a healthy campaign is a loop fault: two heartbeat
# periods (10 s of guest time) spent spinning, about 20 s here.
SILENCE = 300

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


def log_line(raw):
    """The campaign log line in a console line raw, or None."""
    m = LOG_LINE.search(raw.strip())
    return m.group(1) if m else None


def judge(seed, status, text, disk):
    """The log lines of one campaign boot and its summary: (lines, ok)."""
    lines = [x for x in map(log_line, text.splitlines()) if x is not None]
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


class Stream:
    """Where a long campaign shows itself while it runs: its log lines
    go to the file log as they come (a campaign of hours leaves what it
    did so far even when it is stopped), and every `every` faults one
    progress line with the host's time goes to standard output (never
    into the log, which must not depend on the host)."""

    def __init__(self, log, faults, every):
        self.file = open(log, "w") if log else None
        self.faults, self.every = faults, every
        self.start = time.monotonic()

    def line(self, raw):
        x = log_line(raw)
        if x is None:
            return
        if self.file:
            self.file.write(x + "\n")
            self.file.flush()
        m = re.match(r"fault (\d+) ", x)
        if self.every and m and int(m.group(1)) % self.every == 0:
            print(f"campaign: fault {m.group(1)} of {self.faults} after "
                  f"{time.monotonic() - self.start:.0f} s", flush=True)

    def close(self, summary):
        if self.file:
            self.file.write(summary + "\n")
            self.file.close()


def boot_streaming(cmd, timeout, on_line, silence=SILENCE):
    """Run cmd for at most timeout seconds, and at most silence seconds
    without output (a hung guest), giving each line of its output to
    on_line as it comes; (guest status or None, whole text).  The guest
    leaves through isa-debug-exit: status s is exit code 2s+1
    (tools/qemu.py)."""
    deadline = time.monotonic() + timeout
    quiet_until = time.monotonic() + silence
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    chunks, partial, timed_out = [], b"", False
    while True:
        left = min(deadline, quiet_until) - time.monotonic()
        if left <= 0:
            p.kill()
            timed_out = True
            break
        ready, _, _ = select.select([p.stdout], [], [], min(left, 5))
        if not ready:
            continue
        quiet_until = time.monotonic() + silence
        data = os.read(p.stdout.fileno(), 65536)
        if not data:
            break
        chunks.append(data)
        *done, partial = (partial + data).split(b"\n")
        for raw in done:
            on_line(raw.decode("utf-8", "replace"))
    if partial:
        on_line(partial.decode("utf-8", "replace"))
    code = p.wait()
    text = b"".join(chunks).decode("utf-8", "replace").replace("\r", "")
    status = (code - 1) // 2 if not timed_out and code % 2 == 1 else None
    return status, text


def run(cmd, disk, seed, faults, targets, timeout, log=None, every=0):
    """Boot cmd (booting the system on disk, writable) for one campaign;
    (log lines, ok, the whole console text).  With log, the lines also
    go to that file while the campaign runs; with every, a progress line
    every that many faults goes to standard output."""
    prepare_disk(disk, seed, faults, targets)
    stream = Stream(log, faults, every)
    status, text = boot_streaming(icount(cmd), timeout, stream.line)
    lines, ok = judge(seed, status, text, disk)
    stream.close(lines[-1])
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
    ap.add_argument("--progress", type=int, default=1000,
                    help="a progress line every this many faults (0: none)")
    args = ap.parse_args()
    log = args.log or f"build/campaign-{args.seed}.log"
    disk = f"build/campaign-{args.seed}.img"
    shutil.copy(args.disk_root, disk)
    cmd = qemu_cmd(args.qemu, args.mem, kernel=args.kernel,
                   initrd=args.initrd_system, disk=disk, snapshot=False)
    lines, ok, text = run(cmd, disk, args.seed, args.faults, args.targets,
                          args.timeout or 60 + args.faults, log,
                          args.progress)
    if not ok:
        print("\n".join(text.splitlines()[-30:]))
    print(lines[-1])
    print(f"campaign: log in {log}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

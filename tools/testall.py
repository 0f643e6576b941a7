#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Run every test layer and print one verdict: "N passed, M failed".

Layers:
  1. host unit tests (test/unit/run.sh), then the host tests of sh and
     the commands (test/host/test_commands.py) and of the campaign and
     report tools (test/host/test_tools.py);
  2. the in-guest kernel suite (boot image [ktest]) booted from its GRUB
     ISO;
  3. the same suite booted through QEMU's multiboot loader, with a fresh
     fuzzing seed (printed, so a failure can be replayed with SEED=n);
  4. the user-test image ([utest]: RS, DS, VM, PM, init running the
     user suite utest) booted from its GRUB ISO;
  5. boot scenarios (test/boot/*.py): each names its boot image and
     kernel command line and judges the serial output and exit status
     (check), or drives the serial console itself with pexpect (run).
Every boot has a timeout; a boot that never prints its verdict fails.
"""
import argparse
import glob
import importlib.util
import os
import random
import re
import shutil
import subprocess
import tempfile
import sys

sys.path.insert(0, os.path.dirname(__file__))
from qemu import add_boot_args, boot, qemu_cmd  # noqa: E402

VERDICT = re.compile(r"(\d+) passed, (\d+) failed")


def count(lines):
    passed = sum(1 for l in lines if l.startswith("PASS "))
    failed = sum(1 for l in lines if l.startswith("FAIL "))
    return passed, failed


def run_unit(title="host unit tests", cmd=("bash", "test/unit/run.sh"),
             name="unit_tests_run"):
    """Run a host test program that prints PASS/FAIL lines."""
    print("== " + title, flush=True)
    p = subprocess.run(list(cmd), stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=600)
    out = p.stdout.decode("utf-8", "replace")
    lines = out.splitlines()
    for line in lines:
        if line.startswith(("PASS", "FAIL")):
            print(line)
    passed, failed = count(lines)
    if p.returncode != 0 and failed == 0:
        print("FAIL %s: %s exited %d" % (name, cmd[-1], p.returncode))
        print(out)
        failed += 1
    return passed, failed


def run_guest(name, cmd, timeout, suite="ktest"):
    """Boot cmd and judge the guest suite whose verdict line starts with
    "<suite>:"; the guest's status must say whether anything failed."""
    print(f"== {name}: {' '.join(cmd)}", flush=True)
    status, text, secs = boot(cmd, timeout)
    lines = text.splitlines()
    for line in lines:
        if line.startswith(("PASS ", "FAIL ", "ktest:", "utest:", "kernel",
                            "rs:", "init:")):
            print(line)
    passed, failed = count(lines)
    verdicts = [VERDICT.search(l) for l in lines
                if l.startswith(suite + ":")]
    verdicts = [v for v in verdicts if v]
    if not verdicts:
        print(f"FAIL {name}_reaches_verdict: no verdict line "
              f"({'timed out after %ds' % timeout if status is None else 'exit status %s' % status})")
        print("---- last output ----")
        print("\n".join(lines[-25:]))
        return passed, failed + 1
    gp, gf = int(verdicts[-1].group(1)), int(verdicts[-1].group(2))
    ok = (gp, gf) == (passed, failed) and status == (0 if gf == 0 else 1)
    if ok:
        print(f"PASS {name}_reaches_verdict ({secs:.0f}s)")
        return passed + 1, failed
    print(f"FAIL {name}_reaches_verdict: guest said {gp}/{gf}, saw {passed}/{failed}, status {status}")
    return passed, failed + 1


def scenario_boot(args, sc, disk_file):
    """A function booting sc's image (with disk_file, if not None, as a
    writable disk instead of a snapshot of the image's usual one)."""
    initrd = getattr(args, "initrd_" + sc.IMAGE)
    disk = disk_file or {"ktest": args.disk_ktest,
                         "system": args.disk_root}.get(sc.IMAGE)

    def cmd(append=sc.APPEND):
        return qemu_cmd(args.qemu, args.mem, kernel=args.kernel,
                        initrd=initrd, append=append, disk=disk,
                        snapshot=disk_file is None)
    return cmd


def run_scenario(args, sc):
    """Run one scenario; return its [(name, None or what went wrong)].

    A scenario is a module with NAME, IMAGE, APPEND and TIMEOUT and one
    of: check(status, text), judging one boot's serial output; run(cmd,
    timeout), driving QEMU itself; or steps(boot, timeout, disk), driving
    as many boots as it likes (boot(append) gives the QEMU command) and
    returning a (name, why) pair per check.  With DISK_COPY, the disk is
    a private writable copy, named to steps as disk."""
    if getattr(sc, "DISK_COPY", False):
        with tempfile.TemporaryDirectory() as tmp:
            disk = os.path.join(tmp, "disk.img")
            shutil.copy(args.disk_root, disk)
            return sc.steps(scenario_boot(args, sc, disk), sc.TIMEOUT, disk)
    boot_cmd = scenario_boot(args, sc, None)
    if hasattr(sc, "steps"):
        return sc.steps(boot_cmd, sc.TIMEOUT, None)
    if hasattr(sc, "run"):  # an interactive scenario drives QEMU itself
        return [(sc.NAME, sc.run(boot_cmd(), sc.TIMEOUT))]
    status, text, _ = boot(boot_cmd(), sc.TIMEOUT)
    why = sc.check(status, text)
    if why is not None:
        why += "\n" + "\n".join(text.splitlines()[-20:])
    return [(sc.NAME, why)]


def run_scenarios(args):
    """Run every scenario in test/boot/."""
    passed = failed = 0
    for path in sorted(glob.glob("test/boot/*.py")):
        spec = importlib.util.spec_from_file_location("scenario", path)
        sc = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sc)
        print(f"== {sc.NAME}", flush=True)
        for name, why in run_scenario(args, sc):
            if why is None:
                print(f"PASS {name}")
                passed += 1
            else:
                print(f"FAIL {name}: {why}")
                failed += 1
    return passed, failed


def main():
    ap = argparse.ArgumentParser()
    add_boot_args(ap, timeout=600)
    ap.add_argument("--iso-system", required=True)
    ap.add_argument("--iso-utest", required=True)
    ap.add_argument("--iso-ktest", required=True)
    args = ap.parse_args()

    seed = int(os.environ.get("SEED", random.randrange(1, 1 << 31)))
    total_p, total_f = run_unit()
    p, f = run_unit("host tests of sh and the commands",
                    (sys.executable, "test/host/test_commands.py"),
                    "host_commands_run")
    total_p, total_f = total_p + p, total_f + f
    p, f = run_unit("host tests of the campaign and report tools",
                    (sys.executable, "test/host/test_tools.py"),
                    "host_tools_run")
    total_p, total_f = total_p + p, total_f + f
    p, f = run_guest("ktest_grub_iso",
                     qemu_cmd(args.qemu, args.mem, iso=args.iso_ktest,
                              disk=args.disk_ktest),
                     args.timeout)
    total_p, total_f = total_p + p, total_f + f
    print(f"== fuzz seed {seed} (replay: make test SEED={seed})")
    p, f = run_guest("ktest_multiboot",
                     qemu_cmd(args.qemu, args.mem, kernel=args.kernel,
                              initrd=args.initrd_ktest,
                              append=f"seed={seed}",
                              disk=args.disk_ktest),
                     args.timeout)
    total_p, total_f = total_p + p, total_f + f
    p, f = run_guest("utest_grub_iso",
                     qemu_cmd(args.qemu, args.mem, iso=args.iso_utest),
                     args.timeout, suite="utest")
    total_p, total_f = total_p + p, total_f + f
    p, f = run_scenarios(args)
    total_p, total_f = total_p + p, total_f + f
    print(f"{total_p} passed, {total_f} failed")
    sys.exit(0 if total_f == 0 else 1)


if __name__ == "__main__":
    main()

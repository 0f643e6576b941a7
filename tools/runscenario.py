#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Run chosen boot scenarios of test/boot/ (by file name, without .py)
the way tools/testall.py runs all of them, and print the verdict line
"N passed, M failed".  `make fuzz` uses it for test/boot/fuzz_system.py;
it is also the quick way to rerun one scenario:

  python3 tools/runscenario.py <the boot options of make test> NAME...
"""
import argparse
import importlib.util
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from qemu import add_boot_args  # noqa: E402
from testall import run_scenario  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    add_boot_args(ap, timeout=600)
    ap.add_argument("names", nargs="+")
    args = ap.parse_args()
    passed = failed = 0
    for name in args.names:
        path = os.path.join("test/boot", name + ".py")
        spec = importlib.util.spec_from_file_location("scenario", path)
        sc = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sc)
        print(f"== {sc.NAME}", flush=True)
        for test, why in run_scenario(args, sc):
            print(f"PASS {test}" if why is None else f"FAIL {test}: {why}")
            passed, failed = (passed + 1, failed) if why is None else \
                (passed, failed + 1)
    print(f"{passed} passed, {failed} failed")
    sys.exit(0 if failed == 0 else 1)


if __name__ == "__main__":
    main()

# SPDX-License-Identifier: BSD-2-Clause
"""Boot scenario: the file-system suite in the running system.  Boot the
system image with a private copy of the root disk, run /test/fstest
(test/guest/fstest) at the root shell, turn each of its PASS/FAIL lines
into a result (SKIP lines are reported by the suite, not counted), check
its verdict line and exit status, then shut down and let the host's
e2fsck -fn judge the disk."""
import os
import re
import subprocess
import sys

import pexpect

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../tools"))
from console import Console  # noqa: E402

NAME = "system_fs"
IMAGE = "system"
APPEND = ""
TIMEOUT = 900
DISK_COPY = True
RUN_TIMEOUT = 1500  # the whole suite: 16 MiB of workload, a full disk

LINE = re.compile(r"^(PASS|FAIL|SKIP) (\S+)(?:: (.*))?$", re.M)
VERDICT = re.compile(r"^fstest: (\d+) passed, (\d+) failed", re.M)


def e2fsck(disk):
    """None if the host's e2fsck -fn finds disk clean."""
    p = subprocess.run(["e2fsck", "-fn", disk], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    if p.returncode != 0:
        return "e2fsck -fn: " + p.stdout.decode()[-600:]
    return None


def judge(out, status):
    """The results of one fstest run from its output and exit status."""
    results = []
    for kind, name, why in LINE.findall(out):
        if kind == "SKIP":
            print(f"SKIP fstest_{name}: {why}")
            continue
        results.append(("fstest_" + name,
                        None if kind == "PASS" else why or "failed"))
    m = VERDICT.search(out)
    fails = sum(1 for _, why in results if why is not None)
    if m is None:
        why = f"no verdict line; output ends {out[-400:]!r}"
    elif (int(m.group(1)), int(m.group(2))) != (len(results) - fails,
                                                fails):
        why = f"verdict {m.group(0)!r} disagrees with the result lines"
    elif status != (1 if fails else 0):
        why = f"exit status {status} after {fails} failures"
    else:
        why = None
    results.append(("fstest_verdict_line_and_exit_status", why))
    return results


def steps(boot, timeout, disk):
    con = Console(boot(), timeout)
    try:
        con.boot()
        out, status = con.run("/test/fstest", timeout=RUN_TIMEOUT)
        results = judge(out, status)
        con.type("shutdown\r")
        con.expect(pexpect.EOF, timeout=120)
    except (pexpect.TIMEOUT, pexpect.EOF) as e:
        con.close()
        return [(NAME + "_session",
                 f"{type(e).__name__}; last output {con.tail()!r}")]
    finally:
        con.close()
    results.append(("fstest_e2fsck_clean_after_shutdown", e2fsck(disk)))
    return results

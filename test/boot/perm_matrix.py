# SPDX-License-Identifier: BSD-2-Clause
"""Boot scenario: the permission matrix of issue 7.  At the root shell of
the [system] image, /test/permtest (test/guest/permtest) tries every
forbidden thing as a normal user, one child per cell, and prints one
line per cell, "perm: <what> -> <result> ok|FAIL (want ...)".  Each line
becomes a check here; afterwards the system must still answer (the
cells' children died, were denied, or hung and were killed)."""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../tools"))
from console import logged_session  # noqa: E402

NAME = "perm_matrix"
IMAGE = "system"
APPEND = ""
TIMEOUT = 240
MIN_CELLS = 70  # the matrix must not shrink unnoticed

CELL = re.compile(r"^perm: (.+?) -> (.+?) (ok|FAIL)(.*)$")
VERDICT = re.compile(r"^perm: (\d+) passed, (\d+) failed")


def name_of(what):
    return "perm_" + re.sub(r"[^a-z0-9]+", "_", what.lower()).strip("_")


def session(con, log):
    results = []
    out, st = con.run("/test/permtest", timeout=600)
    cells = 0
    verdict = None
    for line in out.splitlines():
        m = CELL.match(line.strip())
        if m:
            cells += 1
            results.append((name_of(m.group(1)), None if m.group(3) == "ok"
                            else f"{m.group(1)} -> {m.group(2)}{m.group(4)}"))
        v = VERDICT.match(line.strip())
        if v:
            verdict = v
    results.append(("perm_matrix_has_every_cell",
                    None if cells >= MIN_CELLS else
                    f"{cells} cells, want at least {MIN_CELLS}; "
                    f"last output {out[-400:]!r}"))
    results.append(("perm_matrix_verdict_and_exit_status_agree",
                    None if verdict and (verdict.group(2) == "0") ==
                    (st == 0) else f"verdict {verdict and verdict.group(0)}, "
                    f"exit {st}"))
    results.append(("perm_no_kernel_panic",
                    None if "kernel panic:" not in log.getvalue() else
                    "the kernel panicked"))
    out, st = con.run("cat /dev/hello")
    results.append(("perm_system_answers_after_the_matrix",
                    None if st == 0 and "Hello, World!" in out else
                    f"cat /dev/hello: exit {st}, {out!r}"))
    return results


def steps(boot, timeout, disk):
    return logged_session(boot(), timeout, NAME, session)

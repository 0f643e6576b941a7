# SPDX-License-Identifier: BSD-2-Clause
"""Boot scenario: live updates under load (issue 6's stress case).

/test/helloread reads /dev/hello over and over and /test/copyloop writes,
copies, checks and deletes files on the root disk (the programs of
recovery_stress).  Meanwhile hello, the disk driver ata, the ext2 server,
VFS, PM, DS and VM are each updated ROUNDS times, in turn (hello every
other time to a new binary, /service/hello; the rest `update self`).
A live update loses nothing, so:

- every update succeeds (one cancelled because a service was too busy
  to reach its prepare state in time, EINTR, is retried: a cancel is
  harmless, and the retries are counted and reported);
- the reader sees no error at all, and the copy loop no error and no
  checksum mismatch;
- every service keeps its endpoint and its restart count;
- after `shutdown` the host's e2fsck -fn finds the disk clean.
"""
import os
import re
import sys

import pexpect

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../tools"))
from console import Console  # noqa: E402
from recovery_stress import READER_OUT, COPY_OUT, start, summaries  # noqa
from service_hello import status_of  # noqa: E402
from system_fs import e2fsck  # noqa: E402

NAME = "update_stress"
IMAGE = "system"
APPEND = ""
TIMEOUT = 900
DISK_COPY = True
ROUNDS = 10
LABELS = ("hello", "ata", "ext2", "vfs", "pm", "ds", "vm")
EINTR = 4
RETRIES = 3


def update_once(con, label, n):
    """Update label (retrying a cancel); (error or None, retries)."""
    if label == "hello" and n % 2 == 1:
        cmd = "service update /service/hello"
    else:
        cmd = f"service update self -label {label}"
    for retry in range(RETRIES + 1):
        out, _ = con.run(f"{cmd}; echo rc=$?", timeout=60)
        m = re.search(r"rc=(\d+)", out)
        rc = int(m.group(1)) if m else None
        if rc == 0:
            return None, retry
        if rc != EINTR:
            break
    return f"`{cmd}` exited {rc}; output {out[-300:]!r}", retry


def judge_programs(r, c, out):
    """Nothing lost: no read error, no copy error or mismatch."""
    if r is None or c is None:
        return [("update_stress_summaries", f"no summary line in {out!r}")]
    print(f"   {r.group(0)}\n   {c.group(0)}")  # the figures, for the log
    reads, eio, other, wrong = map(int, r.groups())
    rounds, nbytes, bad, errors = map(int, c.groups())
    return [
        ("update_stress_reader_sees_no_error",
         None if (eio, other, wrong) == (0, 0, 0) and reads > 0 else
         f"(reads, eio, other, wrong) = {(reads, eio, other, wrong)}"),
        ("update_stress_copy_loses_nothing",
         None if (bad, errors) == (0, 0) and rounds > 0 and nbytes > 0 else
         f"(rounds, bytes, mismatches, errors) = "
         f"{(rounds, nbytes, bad, errors)}"),
    ]


def session(con):
    before = {label: status_of(con, label) for label in LABELS}
    if None in before.values():
        return [("update_stress_status_before", f"{before}")]
    pids = [start(con, f"/test/helloread 900 >{READER_OUT}"),
            start(con, f"/test/copyloop /tmp 900 >{COPY_OUT}")]
    why, retries = None, 0
    for n in range(ROUNDS):
        for label in LABELS:
            why, r = update_once(con, label, n)
            retries += r
            if why is not None:
                why = f"round {n + 1}, {label}: {why}"
                break
        if why is not None:
            break
    print(f"   {ROUNDS} rounds of {len(LABELS)} updates, {retries} "
          f"cancelled and retried")
    results = [(f"update_stress_{ROUNDS}_updates_of_each_succeed", why)]
    con.run("kill " + " ".join(map(str, pids)))
    results += judge_programs(*summaries(con))
    for label in LABELS:
        b, a = before[label], status_of(con, label)
        same = a is not None and (a["endpoint"], a["restarts"]) == \
            (b["endpoint"], b["restarts"])
        results.append((f"update_stress_{label}_keeps_endpoint_and_restarts",
                        None if same else f"status {b} -> {a}"))
    return results


def steps(boot, timeout, disk):
    con = Console(boot(), timeout)
    try:
        con.boot()
        results = session(con)
        con.type("shutdown\r")
        con.expect(pexpect.EOF, timeout=120)
    except (pexpect.TIMEOUT, pexpect.EOF, RuntimeError) as e:
        return [(NAME + "_session",
                 f"{type(e).__name__}: {e}; last output {con.tail()!r}")]
    finally:
        con.close()
    results.append(("update_stress_e2fsck_clean_after_shutdown",
                    e2fsck(disk)))
    return results

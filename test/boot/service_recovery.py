# SPDX-License-Identifier: BSD-2-Clause
"""Boot scenario: crash recovery at the root shell.

- testrelpol phase 1 (minix-facts §6.1) for the drivers and ext2: `service fi L`
  makes L's restart count grow within 10 s, its endpoint unchanged
  (restart policy) or changed (reset policy), and the system keeps
  working (a file is read from the disk afterwards).  A crashed tty
  takes the console shell with it (its open console fails with EIO);
  init starts a new one, which must answer.
- Heartbeats: a test service that spins after its init
  (test/guest/spinner), started with -period 1HZ, is killed for its
  silence and restarted, again and again, with the backoff growing.
"""
import io
import os
import re
import sys
import time

import pexpect

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../tools"))
from console import PROMPT, Console, TextLog  # noqa: E402
from service_hello import status_of, wait_restarts  # noqa: E402

NAME = "service_recovery"
IMAGE = "system"
APPEND = ""
TIMEOUT = 300
# Phase 1 here; tty has its own check (it takes the shell with it), and
# the core servers theirs, under a live session (service_core.py).
DRIVERS = ["hello", "memory", "ata", "ext2"]


def uncovered(con):
    """The labels in `service status` that no phase-1 check crashes."""
    from service_core import CRASHES
    out, _ = con.run("service status")
    labels = {line.split()[0] for line in out.splitlines()[1:] if line}
    return sorted(labels - set(DRIVERS) - set(CRASHES) - {"tty"})


def relpol(con, label):
    """None if `service fi label` recovers label as its policy says."""
    s0 = status_of(con, label)
    if s0 is None:
        return "no status line"
    out, st = con.run(f"service fi {label}")
    if st != 0:
        return f"service fi: status {st}, output {out!r}"
    s1 = wait_restarts(con, label, s0["restarts"])
    if s1 is None or s1["restarts"] != s0["restarts"] + 1:
        return f"restarts {s0['restarts']} -> {s1 and s1['restarts']}"
    same = s1["endpoint"] == s0["endpoint"]
    if same != (s0["policy"] == "restart"):
        return (f"policy {s0['policy']} but endpoint {s0['endpoint']} -> "
                f"{s1['endpoint']}")
    out, st = con.run("cat /etc/motd | wc -c")
    if st != 0 or not out.strip().isdigit():
        return f"the disk does not answer afterwards: {out!r}"
    return None


def relpol_tty(con):
    """tty's crash invalidates the console: the shell reading it gets EIO
    and ends, init starts a new one, and the session goes on."""
    s0 = status_of(con, "tty")
    if s0 is None:
        return "no status line"
    con.type("service fi tty\r")
    con.expect(r"rs: tty restarted", timeout=30)
    con.expect(PROMPT, timeout=30)
    out, st = con.run("echo alive")
    if (st, out) != (0, "alive"):
        return f"the new shell: status {st}, output {out!r}"
    s1 = status_of(con, "tty")
    if s1 is None or (s1["endpoint"], s1["restarts"]) != \
            (s0["endpoint"], s0["restarts"] + 1):
        return f"status before {s0}, after {s1}"
    return None


def heartbeat(con, log):
    """The spinner is killed for missing pings, restarted, with backoff."""
    out, st = con.run("service up /test/spinner -period 1HZ", timeout=30)
    if st != 0:
        return [("heartbeat_spinner_starts", f"status {st}: {out!r}")]
    deadline = time.time() + 90
    want = [r"rs: spinner \(endpoint \d+\) does not answer pings",
            r"rs: spinner restarted", r"rs: restarting spinner in 2 s",
            r"rs: restarting spinner in 4 s"]
    while time.time() < deadline:
        if all(re.search(w, log.getvalue()) for w in want):
            break
        con.run("sleep 1")
    missing = [w for w in want if not re.search(w, log.getvalue())]
    out, st = con.run("service down spinner", timeout=30)
    return [("heartbeat_silent_service_is_killed_restarted_with_backoff",
             f"never seen: {missing}" if missing else None),
            ("heartbeat_spinner_goes_down", None if st == 0 else
             f"service down: status {st}, output {out!r}")]


def steps(boot, timeout, disk):
    con = Console(boot(), timeout)
    log = io.StringIO()
    con.child.logfile_read = TextLog(log)
    results = []
    try:
        con.boot()
        left = uncovered(con)
        results.append(("relpol_covers_every_service_in_status",
                        f"never crashed: {left}" if left else None))
        for label in DRIVERS:
            results.append((f"relpol_fi_{label}_recovers_by_its_policy",
                            relpol(con, label)))
        results.append(("relpol_fi_tty_recovers_and_a_new_shell_answers",
                         relpol_tty(con)))
        results += heartbeat(con, log)
    except (pexpect.TIMEOUT, pexpect.EOF) as e:
        results.append((NAME + "_session",
                        f"{type(e).__name__}; last output {con.tail()!r}"))
    finally:
        con.close()
    return results

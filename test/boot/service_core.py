# SPDX-License-Identifier: BSD-2-Clause
"""Boot scenario: the core servers survive a crash under a live session.

For each of ds, pm, vfs, vm and rs (and twice for vm and rs, whose
recovery uses up a replica that must be replaced): a shell session has a
background process running and a file written; `service fi L` crashes
L; then within 10 s L's restart count is one higher with the same
endpoint, and the session goes on as if nothing happened: the same shell
(its pid), the background process still there, the file reads back,
a pipeline of new processes works, and RS still answers.
"""
import os
import sys

import pexpect

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../tools"))
from console import Console  # noqa: E402
from service_hello import status_of, wait_restarts  # noqa: E402

NAME = "service_core"
IMAGE = "system"
APPEND = ""
TIMEOUT = 300
CRASHES = ["ds", "pm", "vfs", "vm", "rs", "vm", "rs"]


def running(con, pid):
    """True if `ps` lists pid."""
    out, _ = con.run("ps")
    return any(line.split()[:1] == [pid] for line in out.splitlines())


def session_state(con, label):
    """The shell's pid and a background sleeper's pid, after writing a
    file the check reads back."""
    shell, _ = con.run("echo $$")
    con.run("sleep 1000 &")
    bg, _ = con.run("echo $!")
    con.run(f"echo before {label} crashed > /tmp/core_{label}")
    return shell, bg


def session_goes_on(con, label, shell, bg):
    """None if the session is unchanged and new work still runs."""
    out, _ = con.run("echo $$")
    if out != shell:
        return f"the shell changed: pid {shell} -> {out}"
    if not running(con, bg):
        return f"background process {bg} is gone"
    out, st = con.run(f"cat /tmp/core_{label}")
    if (st, out) != (0, f"before {label} crashed"):
        return f"file written before the crash: status {st}, {out!r}"
    out, st = con.run("cat /etc/motd | wc -c")
    if st != 0 or not out.strip().isdigit():
        return f"a pipeline: status {st}, output {out!r}"
    con.run(f"kill {bg}")
    return None


def core_crash(con, label):
    """None if label comes back at its endpoint and the session goes on."""
    s0 = status_of(con, label)
    if s0 is None:
        return "no status line"
    shell, bg = session_state(con, label)
    out, st = con.run(f"service fi {label}", timeout=30)
    if st != 0:
        return f"service fi: status {st}, output {out!r}"
    s1 = wait_restarts(con, label, s0["restarts"])
    if s1 is None or s1["restarts"] != s0["restarts"] + 1:
        return f"restarts {s0['restarts']} -> {s1 and s1['restarts']}"
    if s1["endpoint"] != s0["endpoint"]:
        return f"endpoint {s0['endpoint']} -> {s1['endpoint']}"
    return session_goes_on(con, label, shell, bg)


def steps(boot, timeout, disk):
    con = Console(boot(), timeout)
    results = []
    seen = {}
    try:
        con.boot()
        for label in CRASHES:
            seen[label] = seen.get(label, 0) + 1
            nth = "" if seen[label] == 1 else "_again"
            results.append(
                (f"core_fi_{label}{nth}_recovers_and_the_session_goes_on",
                 core_crash(con, label)))
    except (pexpect.TIMEOUT, pexpect.EOF) as e:
        results.append((NAME + "_session",
                        f"{type(e).__name__}; last output {con.tail()!r}"))
    finally:
        con.close()
    return results

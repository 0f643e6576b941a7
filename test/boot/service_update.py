# SPDX-License-Identifier: BSD-2-Clause
"""Boot scenario: live update of every service, with rollback.

1. hello to a new binary: after two opens, `service update /service/hello`
   says "new version", keeps hello's endpoint and restart count, and the
   next open logs counter 3 (the counter went through DS).
2. testrelpol phase 2 (minix-facts §6.1) for every label in `service
   status`: a plain self update gives 0; prepare-only (-o) 0, except for
   pm, rs, vfs and vm, where only state 5 may be held; -x (the new
   instance crashes in its init) 200 ERESTART; -y (its init fails) 88
   ENOSYS; -z with -maxtime 1HZ (its init hangs) 4 EINTR; -state 5 with
   -maxtime 1HZ (never ready) 4 EINTR.  As in MINIX, rs skips -y and -z: a
   new RS that fails is replaced by the old one, which only sees it die
   (200; checked separately), and -z is refused for rs (22 EINVAL)
   because nobody would be left to notice the hang.  After every case
   the system still works, and at the end each service has the endpoint
   and restart count it had before.
3. testrelpol phase 3: batches (-q, then `sysctl upd_run`) of the core
   servers ds pm vfs, with vm, with rs, with both, and of every service:
   plain (0), then with -x on the 2nd (200), -y on the 3rd (88), -z on the
   2nd (4), state 5 on the 3rd (4); a failure rolls the whole batch back
   and everything keeps working.
"""
import os
import re
import sys

import pexpect

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../tools"))
from console import Console  # noqa: E402
from service_hello import status_of  # noqa: E402

NAME = "service_update"
IMAGE = "system"
APPEND = ""
TIMEOUT = 900

ERESTART, ENOSYS, EINTR, EINVAL = 200, 88, 4, 22
NO_PREPARE_ONLY = {"pm", "rs", "vfs", "vm"}

# (name, flags, extra options, expected exit status)
PHASE2 = [
    ("plain", "", "", 0),
    ("prepare_only", "-o", "", 0),
    ("init_crash", "-x", "", ERESTART),
    ("init_fail", "-y", "", ENOSYS),
    ("init_timeout", "-z", "-maxtime 1HZ", EINTR),
    ("never_ready", "", "-maxtime 1HZ -state 5", EINTR),
]
RS_ONLY = {"init_fail": ERESTART, "init_timeout": EINVAL}

# (name, index of the special label (1-based), its options, expected)
PHASE3 = [
    ("plain", 0, "", 0),
    ("init_crash", 2, "-x", ERESTART),
    ("init_fail", 3, "-y", ENOSYS),
    ("init_timeout", 2, "-z -maxtime 1HZ", EINTR),
    ("never_ready", 3, "-state 5 -maxtime 1HZ", EINTR),
]


def labels_of(con):
    """Every label in `service status`, in its order."""
    out, _ = con.run("service status")
    return [ln.split()[0] for ln in out.splitlines()[1:] if ln.strip()]


def system_works(con):
    """None if files, processes, pipes and /dev/hello still work."""
    out, st = con.run("cat /etc/motd | wc -c", timeout=60)
    if st != 0 or not out.strip().isdigit():
        return f"pipeline: status {st}, output {out!r}"
    out, st = con.run("cat /dev/hello", timeout=60)
    if st != 0 or "Hello, World!" not in out:
        return f"/dev/hello: status {st}, output {out!r}"
    return None


def update(con, cmd, want):
    """None if cmd exits with want and the system still works."""
    out, st = con.run(f"{cmd}; echo rc=$?", timeout=60)
    m = re.search(r"rc=(\d+)", out)
    rc = int(m.group(1)) if m else None
    if rc != want:
        return f"`{cmd}` exited {rc}, want {want}; output {out[-300:]!r}"
    return system_works(con)


def hello_new_version(con):
    """Acceptance 1: the counter survives an update to a new binary."""
    con.run("cat /dev/hello; cat /dev/hello")
    s0 = status_of(con, "hello")
    out, st = con.run("service update /service/hello", timeout=60)
    if st != 0 or "new version" not in out:
        return f"update: status {st}, output {out!r}"
    s1 = status_of(con, "hello")
    if s1 is None or (s1["endpoint"], s1["restarts"]) != \
            (s0["endpoint"], s0["restarts"]):
        return f"status {s0} -> {s1}"
    out, _ = con.run("cat /dev/hello")
    if "called 3 time(s)" not in out:
        return f"the next open: {out!r}"
    return None


def phase2(con, label):
    """testrelpol phase 2 for label: every case, then unchanged status."""
    s0 = status_of(con, label)
    for name, flags, extra, want in PHASE2:
        if label == "rs" and name in RS_ONLY:
            want = RS_ONLY[name]
        if name == "prepare_only" and label in NO_PREPARE_ONLY:
            continue
        cmd = f"service {flags} update self -label {label} {extra}"
        err = update(con, " ".join(cmd.split()), want)
        if err:
            return f"{name}: {err}"
    s1 = status_of(con, label)
    if s1 is None or (s1["endpoint"], s1["restarts"]) != \
            (s0["endpoint"], s0["restarts"]):
        return f"status {s0} -> {s1}"
    return None


def phase3(con, labels):
    """testrelpol phase 3 for one set of labels: every round."""
    for name, once, opts, want in PHASE3:
        cmds = []
        for i, label in enumerate(labels, 1):
            special = opts if i == once else ""
            flags = " ".join(o for o in special.split() if o in ("-x", "-y",
                                                                 "-z"))
            extra = " ".join(o for o in special.split()
                             if o not in ("-x", "-y", "-z"))
            cmds.append(f"service {flags} -q update self -label {label} "
                        f"{extra}")
        con.run("; ".join(" ".join(c.split()) for c in cmds), timeout=60)
        err = update(con, "service sysctl upd_run", want)
        if err:
            return f"round {name}: {err}"
    return None


def steps(boot, timeout, disk):
    con = Console(boot(), timeout)
    results = []
    try:
        con.boot()
        results.append(("update_hello_new_version_keeps_its_counter",
                        hello_new_version(con)))
        labels = labels_of(con)
        for label in labels:
            results.append((f"update_relpol_phase2_{label}",
                            phase2(con, label)))
        core = ["ds", "pm", "vfs"]
        sets = [("core", core), ("core_vm", core + ["vm"]),
                ("core_rs", core + ["rs"]),
                ("core_vm_rs", core + ["vm", "rs"]),
                ("all", core + [x for x in labels
                                if x not in core + ["vm", "rs"]]
                 + ["vm", "rs"])]
        for name, batch in sets:
            results.append((f"update_relpol_phase3_{name}",
                            phase3(con, batch)))
    except (pexpect.TIMEOUT, pexpect.EOF) as e:
        results.append((NAME + "_session",
                        f"{type(e).__name__}; last output {con.tail()!r}"))
    finally:
        con.close()
    return results

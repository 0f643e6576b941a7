# SPDX-License-Identifier: BSD-2-Clause
"""Boot scenario: the hello session of issue 5 (minix-facts §5.3) at the
root shell.  hello is read, crashed with `service fi` (same endpoint,
restarts + 1, the counter starts again), refreshed, taken down (reading
it then fails with a clear error) and started again from /service/hello.
Every kernel-log line the session prints is kept, so that the driver's
and RS's messages can be checked too."""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../tools"))
from console import logged_session  # noqa: E402

NAME = "service_hello"
IMAGE = "system"
APPEND = ""
TIMEOUT = 240


def status_of(con, label):
    """The fields of `service status label`, or None."""
    out, _ = con.run(f"service status {label}")
    for line in out.splitlines():
        f = line.split()
        if len(f) >= 9 and f[0] == label and f[1].lstrip("-").isdigit():
            return {"endpoint": int(f[1]), "pid": f[2],
                    "restarts": int(f[3]), "flags": f[4], "period": f[5],
                    "policy": f[6]}
    return None


def wait_restarts(con, label, old, tries=10):
    """Poll (1 s apart) until label's restart count passes old."""
    for _ in range(tries):
        s = status_of(con, label)
        if s is not None and s["restarts"] > old:
            return s
        con.run("sleep 1")
    return status_of(con, label)


def expect_eq(what, got, want):
    return None if got == want else f"{what}: got {got!r}, want {want!r}"


def session(con, log):
    results = []

    def check(name, why):
        results.append((name, why))

    s0 = status_of(con, "hello")
    check("hello_status_shows_a_running_restartable_hello",
          "no status line for hello" if s0 is None else
          expect_eq("flags/policy", (s0["flags"][0], s0["policy"]),
                    ("A", "restart")))
    if s0 is None:
        return results
    out, st = con.run("cat /dev/hello")
    check("hello_cat_reads_hello_world",
          expect_eq("cat", (st, "Hello, World!" in out), (0, True)))

    out, st = con.run("service fi hello")
    check("hello_fi_is_accepted", expect_eq("exit status", st, 0))
    s1 = wait_restarts(con, "hello", s0["restarts"])
    check("hello_fi_restarts_it_with_the_same_endpoint",
          "no status after fi" if s1 is None else
          expect_eq("(endpoint, restarts)", (s1["endpoint"], s1["restarts"]),
                    (s0["endpoint"], s0["restarts"] + 1)))
    out, st = con.run("cat /dev/hello")
    check("hello_answers_after_its_restart",
          expect_eq("cat", (st, "Hello, World!" in out), (0, True)))
    check("hello_restart_is_logged_by_rs_and_the_driver",
          None if re.search(r"rs: hello restarted", log.getvalue()) and
          re.search(r"hello: .*I've just been restarted", log.getvalue())
          else "no restart messages (RS's and hello's) in the console log")

    out, st = con.run("service refresh hello", timeout=30)
    s2 = status_of(con, "hello")
    check("hello_refresh_restarts_it",
          expect_eq("(status, endpoint, restarts)",
                    (st, s2 and s2["endpoint"], s2 and s2["restarts"]),
                    (0, s0["endpoint"], s0["restarts"] + 2)))

    out, st = con.run("service down hello", timeout=30)
    check("hello_down_succeeds", expect_eq("exit status", st, 0))
    out, st = con.run("cat /dev/hello")
    check("hello_read_after_down_fails_clearly",
          None if st != 0 and re.search(r"(?i)/dev/hello: .*device", out)
          else f"status {st}, output {out!r}")
    out, st = con.run("service status hello")
    check("hello_is_gone_from_status_after_down",
          expect_eq("exit status", st, 3))  # ESRCH

    out, st = con.run("service up /service/hello -dev /dev/hello",
                      timeout=30)
    check("hello_up_from_the_disk_succeeds",
          expect_eq("exit status", st, 0))
    out, st = con.run("cat /dev/hello")
    check("hello_answers_after_up",
          expect_eq("cat", (st, "Hello, World!" in out), (0, True)))
    s3 = status_of(con, "hello")
    check("hello_up_gives_a_new_restart_count",
          "no status after up" if s3 is None else
          expect_eq("restarts", s3["restarts"], 0))
    results += replica_and_edit(con, log)
    return results


def replica_and_edit(con, log):
    """clone/unclone and their errors; a crash recovered by the replica;
    edit of the period, and of an unknown label; a loop the heartbeat
    ends; a fault type that does not exist."""
    results = []

    def status_is(name, cmd, want):
        _, st = con.run(cmd, timeout=30)
        results.append((name, expect_eq(cmd, st, want)))

    status_is("hello_clone_succeeds", "service clone hello", 0)
    status_is("hello_second_clone_is_eexist", "service clone hello", 17)
    s0 = status_of(con, "hello")
    results.append(("hello_status_shows_the_replica_flag",
                    expect_eq("flags[5]", s0 and s0["flags"][5], "R")))
    out, st = con.run("service fi hello")
    s1 = wait_restarts(con, "hello", s0["restarts"]) if s0 else None
    results.append(("hello_fi_with_a_replica_keeps_the_endpoint",
                    "no status" if s1 is None else
                    expect_eq("(endpoint, restarts)",
                              (s1["endpoint"], s1["restarts"]),
                              (s0["endpoint"], s0["restarts"] + 1))))
    out, st = con.run("cat /dev/hello")
    results.append(("hello_answers_after_the_replica_took_over",
                    expect_eq("cat", (st, "Hello, World!" in out),
                              (0, True))))
    con.run("sleep 2")  # the periodic check makes a new replica
    status_is("hello_unclone_succeeds", "service unclone hello", 0)
    status_is("hello_second_unclone_is_enoent", "service unclone hello", 2)
    status_is("hello_edit_succeeds",
              "service edit /service/hello -label hello -period 2HZ", 0)
    s2 = status_of(con, "hello")
    results.append(("hello_edit_sets_the_period",
                    expect_eq("period", s2 and s2["period"], "2HZ")))
    status_is("edit_of_an_unknown_label_is_esrch",
              "service edit /service/hello -label nosuch", 3)
    status_is("hello_fi_loop_is_accepted", "service fi hello loop", 0)
    s3 = wait_restarts(con, "hello", s2["restarts"]) if s2 else None
    results.append(("hello_fi_loop_is_ended_by_the_heartbeat",
                    "no status" if s3 is None else
                    expect_eq("(endpoint, restarts, ping kill logged)",
                              (s3["endpoint"], s3["restarts"],
                               "does not answer pings" in log.getvalue()),
                              (s2["endpoint"], s2["restarts"] + 1, True))))
    status_is("fi_of_an_unknown_fault_is_a_usage_error",
              "service fi hello melt", 1)
    status_is("unclone_of_vm_is_eperm", "service unclone vm", 1)
    return results


def steps(boot, timeout, disk):
    return logged_session(boot(), timeout, NAME, session)

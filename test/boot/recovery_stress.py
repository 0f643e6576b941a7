# SPDX-License-Identifier: BSD-2-Clause
"""Boot scenario: crash recovery under load (issue 5's stress case).

Two programs run in the background at the root shell: /test/helloread
(test/guest/helloread) reads /dev/hello over and over, reopening it after
each EIO, and /test/copyloop (test/guest/copyloop) writes, copies,
checks and deletes files on the root disk.  Meanwhile hello and the disk
driver ata are each crashed CRASHES times with `service fi`; before the
next crash of a service its restart count must have risen by one.  Then
both programs are stopped with SIGTERM and print their summaries:

- each crash of hello costs the reader at most one EIO (its open file
  goes stale), and it sees no other error and no wrong text;
- ata's crashes are hidden from the file system (block I/O is retried),
  so the copy loop sees no error and no checksum mismatch;
- the restart counts rose by exactly CRASHES, and the endpoints stayed
  (both run under the restart policy);
- after `shutdown` the host's e2fsck -fn finds the disk clean.

Backoff: RS delays each restart after the first by 2, 4, 8, 16, 30 s
(binary exponential backoff), which would make 20 crashes take minutes.
ata is built with SF_NO_BIN_EXP (1 s).  hello is taken down and brought
up again with -b, the same for it; like MINIX's service, the flag goes
before the verb: `service -b up /service/hello -dev /dev/hello`.
"""
import os
import re
import sys
import time

import pexpect

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../tools"))
from console import Console  # noqa: E402
from service_hello import status_of  # noqa: E402
from system_fs import e2fsck  # noqa: E402

NAME = "recovery_stress"
IMAGE = "system"
APPEND = ""
TIMEOUT = 600
DISK_COPY = True
CRASHES = 20
LABELS = ("hello", "ata")
RECOVERY_TIMEOUT = 20  # seconds for one restart (backoff 1 s)
STOP_TIMEOUT = 60      # seconds for both programs to print their summary
READER_OUT, COPY_OUT = "/tmp/helloread.out", "/tmp/copyloop.out"
READER = re.compile(r"helloread: reads (\d+) eio (\d+) other (\d+) "
                    r"wrong (\d+)")
COPIER = re.compile(r"copyloop: rounds (\d+) bytes (\d+) mismatches (\d+) "
                    r"errors (\d+)")


def start(con, line):
    """Start line in the background; its pid (from $!)."""
    out, st = con.run(line + " &")
    if st != 0:
        raise RuntimeError(f"{line!r}: status {st}, output {out!r}")
    out, _ = con.run("echo $!")
    if not out.strip().isdigit():
        raise RuntimeError(f"no pid for {line!r}: {out!r}")
    return int(out.strip())


def wait_restarts(con, label, want):
    """Poll `service status label` until its restart count reaches want;
    the last status seen (None if there was none)."""
    deadline = time.time() + RECOVERY_TIMEOUT
    s = status_of(con, label)
    while (s is None or s["restarts"] < want) and time.time() < deadline:
        time.sleep(0.2)
        s = status_of(con, label)
    return s


def crash_round(con, counts):
    """Crash each of LABELS once and wait until each is back; None, or
    what went wrong.  counts holds each label's restart count."""
    for label in LABELS:
        out, st = con.run(f"service fi {label}")
        if st != 0:
            return f"service fi {label}: status {st}, output {out!r}"
    for label in LABELS:
        s = wait_restarts(con, label, counts[label] + 1)
        got = s and s["restarts"]
        if got != counts[label] + 1:
            return (f"{label}: restarts {got} after a crash, want "
                    f"{counts[label] + 1}")
        counts[label] = got
    return None


def summaries(con):
    """Both programs' summary lines (match objects) once written."""
    deadline = time.time() + STOP_TIMEOUT
    while True:
        out, _ = con.run(f"cat {READER_OUT} {COPY_OUT}")
        r, c = READER.search(out), COPIER.search(out)
        if (r and c) or time.time() > deadline:
            return r, c, out
        time.sleep(1)


def judge_programs(r, c, out):
    """The results of the two programs' summaries."""
    if r is None or c is None:
        why = f"no summary line in {out!r}"
        return [("stress_reader_summary", why), ("stress_copy_summary", why)]
    print(f"   {r.group(0)}\n   {c.group(0)}")  # the figures, for the log
    reads, eio, other, wrong = map(int, r.groups())
    rounds, nbytes, bad, errors = map(int, c.groups())
    return [
        ("stress_reader_sees_at_most_one_eio_per_hello_crash",
         None if 1 <= eio <= CRASHES else
         f"eio {eio} for {CRASHES} crashes of hello"),
        ("stress_reader_sees_no_other_error_or_wrong_text",
         None if (other, wrong) == (0, 0) and reads > 0 else
         f"(reads, other, wrong) = {(reads, other, wrong)}, want other "
         f"and wrong 0, reads > 0; output {out!r}"),
        ("stress_copy_loses_nothing_while_ata_crashes",
         None if (bad, errors) == (0, 0) and rounds > 0 and nbytes > 0 else
         f"(rounds, bytes, mismatches, errors) = "
         f"{(rounds, nbytes, bad, errors)}; output {out!r}"),
    ]


def judge_services(before, after):
    """Restart counts and endpoints of LABELS after the crashes."""
    results = []
    for label in LABELS:
        b, a = before[label], after[label]
        if a is None:
            results.append((f"stress_{label}_status_afterwards",
                            "no status line"))
            continue
        results.append((f"stress_{label}_restarts_rose_by_{CRASHES}",
                        None if a["restarts"] - b["restarts"] == CRASHES else
                        f"restarts {b['restarts']} -> {a['restarts']}"))
        same = a["endpoint"] == b["endpoint"]
        results.append((f"stress_{label}_endpoint_follows_its_policy",
                        None if same == (b["policy"] == "restart") else
                        f"policy {b['policy']}, endpoint {b['endpoint']} "
                        f"-> {a['endpoint']}"))
    return results


def session(con):
    results = []
    out, st = con.run("service down hello && "
                      "service -b up /service/hello -dev /dev/hello",
                      timeout=30)
    results.append(("stress_hello_comes_up_without_binary_backoff",
                    None if st == 0 else f"status {st}, output {out!r}"))
    before = {label: status_of(con, label) for label in LABELS}
    if st != 0 or None in before.values():
        return results + [("stress_status_before", f"{before}")]
    pids = [start(con, f"/test/helloread 900 >{READER_OUT}"),
            start(con, f"/test/copyloop /tmp 900 >{COPY_OUT}")]
    counts = {label: before[label]["restarts"] for label in LABELS}
    why = None
    for n in range(CRASHES):
        why = crash_round(con, counts)
        if why is not None:
            why = f"crash round {n + 1}: {why}"
            break
    results.append((f"stress_{CRASHES}_crashes_each_recovered_in_turn", why))
    time.sleep(1)  # let the reader meet the last new instance
    con.run("kill " + " ".join(map(str, pids)))
    results += judge_programs(*summaries(con))
    results += judge_services(before,
                              {label: status_of(con, label)
                               for label in LABELS})
    return results


def steps(boot, timeout, disk):
    con = Console(boot(), timeout)
    con.child.delaybeforesend = None  # 80 crashes and polls: type fast
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
    results.append(("stress_e2fsck_clean_after_shutdown", e2fsck(disk)))
    return results

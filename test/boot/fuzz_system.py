# SPDX-License-Identifier: BSD-2-Clause
"""Boot scenario: fuzz the whole booted system (issue 7).

At the root shell of the [system] image: note every service's restart
count, run /test/fuzz (random and mutated requests to every endpoint and
random kernel calls from unprivileged processes, test/guest/fuzz), then
start the restricted service fuzzsrv (/etc/system.conf.d/fuzzsrv) and
have it make a fifth as many calls (`fuzz -s`), every one outside its
rights refused; then check that the kernel did not panic, nothing hung,
every service still answers (`service status`, a file read, /dev/hello)
and count the restarts RS made meanwhile.  One summary line ends it:

  fuzz: seed S calls N refused R errors E crashes-recovered C panics P
        hangs H checksum X/Y

(N, R, E: both runs together; X, Y: the checksums of the two generated
sequences, equal for equal seeds and counts.)

`make test` runs a short run (FUZZ_COUNT below); `make fuzz SEED=n
COUNT=n` runs tools/fuzz.py, which sets FUZZ_SEED and FUZZ_COUNT."""
import os
import re
import sys

import pexpect

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../tools"))
from console import logged_session  # noqa: E402

NAME = "fuzz_system"
IMAGE = "system"
APPEND = ""
TIMEOUT = 240
SEED = int(os.environ.get("FUZZ_SEED", "1"))
COUNT = int(os.environ.get("FUZZ_COUNT", "105000"))
# make test's run must make 100000 calls: a few percent of the generated
# ones are skipped (calls to possibly silent system processes, batch.c).
MIN_CALLS = 100000 if "FUZZ_COUNT" not in os.environ else 0
REPEAT = 3000  # calls of the runs made twice to compare their checksums
SECS_PER_1000 = 3  # generous: the run's own time limit, per 1000 calls

SUMMARY = re.compile(r"fuzz: seed (\d+) calls (\d+) ok (\d+) refused (\d+) "
                     r"errors (\d+) anomalies (\d+) deaths (\d+) stuck (\d+) "
                     r"lost (\d+) skipped (\d+) checksum ([0-9a-f]+)")
SRV = re.compile(r"fuzzsrv: seed (\d+) calls (\d+) ok (\d+) refused (\d+) "
                 r"errors (\d+) anomalies (\d+) checksum ([0-9a-f]+)")
PANIC = re.compile(r"kernel panic:|system halted")  # kernel/panic.c


def statuses(con):
    """{label: restarts} of every service `service status` lists."""
    out, st = con.run("service status", timeout=60)
    found = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) >= 9 and f[1].lstrip("-").isdigit() and f[3].isdigit():
            found[f[0]] = int(f[3])
    return found, st


def answers_after(con, before):
    """The post-run checks: (name, why) pairs, and the restarts seen."""
    results = []
    after, st = statuses(con)
    results.append(("fuzz_every_service_still_listed_after_the_run",
                    None if st == 0 and set(before) <= set(after) else
                    f"status {st}; before {sorted(before)}, "
                    f"after {sorted(after)}"))
    for label in sorted(before):
        out, st = con.run(f"service status {label}", timeout=30)
        if st != 0:
            results.append((f"fuzz_{label}_answers_status_after_the_run",
                            f"service status {label}: exit {st}: {out!r}"))
    out, st = con.run("cat /etc/motd", timeout=60)
    results.append(("fuzz_file_read_works_after_the_run",
                    None if st == 0 and out.strip() else
                    f"cat /etc/motd: exit {st}, output {out!r}"))
    out, st = con.run("cat /dev/hello", timeout=60)
    results.append(("fuzz_hello_reads_after_the_run",
                    None if st == 0 and "Hello, World!" in out else
                    f"cat /dev/hello: exit {st}, output {out!r}"))
    restarts = sum(max(0, after.get(k, v) - v) for k, v in before.items())
    return results, restarts


def service_run(con, limit):
    """The restricted service's run (fuzzsrv, a fifth of COUNT calls):
    its checks, and its summary match (or None)."""
    count = max(1, COUNT // 5)
    results = []
    out, st = con.run("service up /test/fuzzsrv", timeout=60)
    results.append(("fuzzsrv_starts_with_its_restricted_privileges",
                    None if st == 0 else f"service up: exit {st}: {out!r}"))
    out, st = con.run(f"/test/fuzz -s {SEED} {count}", timeout=limit)
    m = SRV.search(out)
    results.append(("fuzzsrv_run_ends_with_its_summary",
                     None if m else f"exit {st}, output {out[-600:]!r}"))
    results.append((f"fuzzsrv_makes_{count}_calls",
                    None if m and int(m.group(2)) == count else
                    f"calls {m and m.group(2)}, want {count}"))
    results.append(("fuzzsrv_every_call_outside_its_rights_is_refused",
                    None if m and m.group(6) == "0" else
                    f"anomalies {m and m.group(6)}: {out[-600:]!r}"))
    sums = [SRV.search(con.run(f"/test/fuzz -s {SEED} {REPEAT}",
                               timeout=120)[0]) for _ in range(2)]
    results.append(("fuzzsrv_same_seed_gives_the_same_sequence",
                    None if all(sums) and sums[0].group(7) ==
                    sums[1].group(7) else
                    f"checksums {[x and x.group(7) for x in sums]}"))
    out, st = con.run("service down fuzzsrv", timeout=60)
    results.append(("fuzzsrv_goes_down_after_its_run",
                    None if st == 0 else f"service down: exit {st}"))
    return results, m


def session(con, log):
    results = []
    before, st = statuses(con)
    results.append(("fuzz_status_lists_the_services_before_the_run",
                    None if st == 0 and len(before) >= 5 else
                    f"status {st}, services {sorted(before)}"))
    limit = 120 + COUNT * SECS_PER_1000 // 1000
    hangs = 0
    try:
        out, st = con.run(f"/test/fuzz {SEED} {COUNT}", timeout=limit)
    except pexpect.TIMEOUT:
        hangs, out, st = 1, con.tail(), -1
    m = SUMMARY.search(out)
    for line in out.splitlines():
        if line.startswith("fuzz:") and not SUMMARY.search(line):
            print("  " + line, flush=True)  # stuck batches, failures
    results.append(("fuzz_run_ends_with_its_summary",
                    None if m else f"exit {st}, last output {out[-600:]!r}"))
    calls = int(m.group(2)) if m else 0
    skipped = int(m.group(10)) if m else 0
    results.append(("fuzz_accounts_for_every_generated_call",
                    None if calls + skipped == COUNT else
                    f"calls {calls} + skipped {skipped}, want {COUNT} (the "
                    "rest were lost with dead children)"))
    if MIN_CALLS:
        results.append((f"fuzz_makes_at_least_{MIN_CALLS}_calls",
                        None if calls >= MIN_CALLS else
                        f"calls {calls}, want {MIN_CALLS}"))
    results.append(("fuzz_no_denied_call_was_allowed",
                    None if m and m.group(6) == "0" else
                    f"anomalies {m and m.group(6)}"))
    results.append(("fuzz_no_batch_got_stuck",
                    None if m and m.group(8) == "0" else
                    f"stuck {m and m.group(8)}"))
    sums = [SUMMARY.search(con.run(f"/test/fuzz {SEED} {REPEAT}",
                                   timeout=120)[0]) for _ in range(2)]
    results.append(("fuzz_same_seed_gives_the_same_sequence",
                    None if all(sums) and sums[0].group(11) ==
                    sums[1].group(11) else
                    f"checksums {[x and x.group(11) for x in sums]}"))
    restarts = 0
    srv = None
    if hangs == 0:
        try:
            more, srv = service_run(con, limit)
            results += more
        except pexpect.TIMEOUT:
            hangs = 1
            results.append(("fuzzsrv_run_ends", f"hung: {con.tail()!r}"))
    panics = len(PANIC.findall(log.getvalue()))
    results.append(("fuzz_no_kernel_panic",
                    None if panics == 0 else f"{panics} panic lines"))
    if hangs == 0:
        more, restarts = answers_after(con, before)
        results += more

    def total(g):
        return sum(int(x.group(g)) for x in (m, srv) if x)
    print(f"fuzz: seed {SEED} calls {total(2)} refused {total(4)} "
          f"errors {total(5)} crashes-recovered {restarts} panics {panics} "
          f"hangs {hangs} checksum {m.group(11) if m else '?'}/"
          f"{srv.group(7) if srv else '?'}", flush=True)
    return results


def steps(boot, timeout, disk):
    return logged_session(boot(), timeout, NAME, session)

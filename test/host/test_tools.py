#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Host tests of the result tools: tools/campaign.py's log handling
(which console lines make the log, how a boot is judged, the silence
timeout) and tools/report.py's page (summary, one mark per pixel column,
the per-target table).  No QEMU: the console texts are made up here.
Prints "PASS name" / "FAIL name: why" per case and ends with
"N passed, M failed"; exits 1 if anything failed.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import campaign  # noqa: E402
import report  # noqa: E402

FAULT = ("fault {n} at {at} target {t} type {k} result 0 detect {d} 6 "
         "recovery_insn {rec} rs_cycles 100 probe ok")
GUEST_END = ("campaign-guest: seed 9 injected {n} recovered {n} "
             "unrecovered 0 errors 0 lost {lost}")


def fault(n, at, target="hello", kind="crash", rec=1000, detect="signal"):
    return FAULT.format(n=n, at=at, t=target, k=kind, rec=rec, d=detect)


def clean_disk(tmp):
    """A small ext2 image e2fsck calls clean."""
    disk = os.path.join(tmp, "disk.img")
    subprocess.run(["mke2fs", "-q", "-F", "-t", "ext2", disk, "1M"],
                   check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return disk


def expect(what, got, want):
    return None if got == want else f"{what}: got {got!r}, want {want!r}"


def campaign_log_keeps_only_the_drivers_lines(tmp):
    text = "\n".join(["rs: hello restarted", "# " + fault(1, 10),
                      "kernel: noise", GUEST_END.format(n=1, lost=0)])
    lines, ok = campaign.judge(9, 0, text, clean_disk(tmp))
    return expect("lines", lines[:2], [fault(1, 10),
                                       GUEST_END.format(n=1, lost=0)]) or \
        expect("ok", ok, True)


def campaign_counts_lost_bytes_and_panics(tmp):
    disk = clean_disk(tmp)
    lost, ok1 = campaign.judge(9, 0, GUEST_END.format(n=1, lost=5), disk)
    text = fault(1, 10) + "\nkernel panic: oops\n"
    panic, ok2 = campaign.judge(9, None, text, disk)
    return expect("lost summary", "bytes-lost 5" in lost[-1], True) or \
        expect("panic summary", "kernel-panics 1 hangs 0" in panic[-1],
               True) or expect("oks", (ok1, ok2), (False, False))


def campaign_without_an_end_is_a_hang(tmp):
    lines, ok = campaign.judge(9, None, fault(1, 10), clean_disk(tmp))
    return expect("summary", lines[-1],
                  "campaign: seed 9 injected 1 recovered 1 kernel-panics 0 "
                  "hangs 1 bytes-lost 0 e2fsck clean") or \
        expect("ok", ok, False)


def campaign_stream_writes_the_log_as_it_comes(tmp):
    log = os.path.join(tmp, "c.log")
    stream = campaign.Stream(log, 1, 0)
    stream.line("noise")
    stream.line(fault(1, 10))
    first = open(log).read()
    stream.close("campaign: summary")
    return expect("while running", first, fault(1, 10) + "\n") or \
        expect("at the end", open(log).read(),
               fault(1, 10) + "\ncampaign: summary\n")


def campaign_silent_guest_is_stopped(tmp):
    start = time.monotonic()
    status, text = campaign.boot_streaming(
        ["sh", "-c", "echo a; sleep 30"], 60, lambda line: None, silence=1)
    took = time.monotonic() - start
    return expect("(status, text)", (status, text), (None, "a\n")) or \
        (None if took < 10 else f"took {took:.0f} s")


def report_has_one_mark_per_pixel_column(tmp):
    faults = [fault(n, n, rec=1) for n in range(1, 5001)]
    faults.append(fault(5001, 10_000_000, target="vm", kind="loop"))
    build = os.path.join(tmp, "b")
    os.makedirs(build)
    with open(os.path.join(build, "campaign-9.log"), "w") as f:
        f.write("\n".join(faults + ["campaign: seed 9 the summary"]) + "\n")
    with open(os.path.join(build, "bench.json"), "w") as f:
        json.dump({"figures": {"ipc": {"value": 783, "unit": "insn"}}}, f)
    out = os.path.join(tmp, "r.html")
    subprocess.run([sys.executable, os.path.join(ROOT, "tools/report.py"),
                    "--build", build, "--out", out], check=True,
                   stdout=subprocess.DEVNULL)
    page = open(out).read()
    return expect("summary", "campaign: seed 9 the summary" in page, True) \
        or expect("marks", page.count("<rect"), 2) \
        or expect("grouped title", "faults 1..5000 into hello: 5000 crash"
                  in page, True) \
        or expect("bench", "<td class=n>783</td>" in page, True)


def report_table_counts_recovered_and_the_median():
    faults = []
    for n, rec in enumerate((30, 10, 20), 1):
        line = fault(n, n * 100, target="ata", rec=rec)
        faults.append(report.FAULT.match(line).groups())
    faults.append(report.FAULT.match(
        fault(4, 400, target="ata", detect="NOT-RECOVERED")).groups())
    rows = [(int(g[0]), int(g[1]), g[2], g[3], int(g[4]), g[5], int(g[6]),
             int(g[7])) for g in faults]
    table = report.fault_table(rows)
    return expect("row", "<td>ata</td><td>crash</td><td class=n>4</td>"
                  "<td class=n>3</td><td class=n>20</td>" in table, True)


CASES = [
    campaign_log_keeps_only_the_drivers_lines,
    campaign_counts_lost_bytes_and_panics,
    campaign_without_an_end_is_a_hang,
    campaign_stream_writes_the_log_as_it_comes,
    campaign_silent_guest_is_stopped,
    report_has_one_mark_per_pixel_column,
    report_table_counts_recovered_and_the_median,
]


def main():
    passed = failed = 0
    for case in CASES:
        with tempfile.TemporaryDirectory() as tmp:
            try:
                args = (tmp,) if case.__code__.co_argcount else ()
                why = case(*args)
            except Exception as e:  # a broken tool is a failed case
                why = f"{type(e).__name__}: {e}"
        if why is None:
            passed += 1
            print(f"PASS {case.__name__}")
        else:
            failed += 1
            print(f"FAIL {case.__name__}: {why}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

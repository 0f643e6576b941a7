# SPDX-License-Identifier: BSD-2-Clause
"""Count where the instructions of one getpid() (ubench -> PM) go.

Run from the repository root with QEMU waiting for gdb, booting the
[bench] image:

  qemu-system-i386 -m 32 -nographic -no-reboot -monitor none -s -S \\
      -kernel build/kernel.elf \\
      -initrd "$(python3 tools/gen_boot.py initrd boot/modules.list \\
                 bench build/boot)" &
  [PROFILE_SEQ=1] gdb -q -batch -ex 'file build/kernel.elf' \\
      -x tools/profile-getpid.py 2>&1 | sed -n '/^getpid:/,$p'

gdb reports every stop; sed keeps only the report.  It stops at
ubench's 151st getpid (after the benchmark's warm-up; a hardware
breakpoint, since every process has its own address space),
single-steps until that call returns, and prints instructions per
function of each program (user addresses are resolved with the symbols
of build/bin/<name of the running process>); with PROFILE_SEQ=1 also
the run of functions in the order executed.
"""
import bisect
import collections
import os
import subprocess

import gdb

PROGRAM = "ubench"
FUNCTION = "getpid"
SKIP = 150


def running():
    """The name of the process the kernel runs (its 'current')."""
    return gdb.parse_and_eval("current->name").string()


tables = {}


def symbols(prog):
    """Sorted (address, name) pairs of prog's text symbols."""
    if prog not in tables:
        path = "build/kernel.elf" if prog == "kernel" else "build/bin/" + prog
        out = subprocess.run(["nm", "-n", path], capture_output=True,
                             text=True).stdout
        syms = []
        for line in out.splitlines():
            f = line.split()
            if len(f) == 3 and f[1] in "tTwW":
                syms.append((int(f[0], 16), f[2]))
        tables[prog] = ([a for a, _ in syms], [n for _, n in syms])
    return tables[prog]


def symbol(prog, pc):
    addrs, names = symbols(prog)
    i = bisect.bisect_right(addrs, pc) - 1
    return "%s:%s" % (prog, names[i] if i >= 0 else hex(pc))


gdb.execute("set pagination off")
gdb.execute("target remote :1234")
entry = symbols(PROGRAM)[0][symbols(PROGRAM)[1].index(FUNCTION)]
gdb.execute("hbreak *0x%x" % entry)
hits = 0
while hits <= SKIP:
    gdb.execute("continue", to_string=True)
    if running() == PROGRAM:
        hits += 1
gdb.execute("delete")
ret = int(gdb.parse_and_eval("*(unsigned int *)$esp"))
trace = []
while len(trace) < 20000:
    gdb.execute("stepi", to_string=True)
    pc = int(gdb.parse_and_eval("$pc"))
    prog = running() if pc >= 0x40000000 else "kernel"
    trace.append(symbol(prog, pc))
    if pc == ret and prog == PROGRAM:
        break

print("%s: %d instructions" % (FUNCTION, len(trace)))
for name, n in collections.Counter(trace).most_common(40):
    print("%6d %s" % (n, name))
if os.environ.get("PROFILE_SEQ"):
    run = []
    for name in trace:
        if run and run[-1][0] == name:
            run[-1][1] += 1
        else:
            run.append([name, 1])
    for name, n in run:
        print("   %5d %s" % (n, name))
gdb.execute("kill")

# SPDX-License-Identifier: BSD-2-Clause
"""Count where the instructions of one IPC round trip go, per function.

Run from the repository root with QEMU waiting for gdb in benchmark mode:

  qemu-system-i386 -m 32 -nographic -no-reboot -s -S \\
      -kernel build/kernel.elf -append bench \\
      -initrd "$(python3 tools/gen_boot.py initrd boot/modules.list \\
                 ktest build/bin)" &
  [PROFILE_LINES=1] gdb -q -batch -ex 'file build/kernel.elf' \\
      -ex 'add-symbol-file build/bin/ktest 0x40001000' \\
      -x tools/profile-roundtrip.py

It stops at ktest's 151st ipc_sendrec (after the benchmark's warm-up),
single-steps until that call returns, and prints instructions per
function; with PROFILE_LINES=1 also per kernel source line.  User
addresses (ktest's and kecho's alike) are counted as "user".
"""
import collections
import os
import re

import gdb

gdb.execute("set pagination off")
gdb.execute("target remote :1234")
gdb.execute("break ipc_sendrec")
gdb.execute("ignore 1 150")
gdb.execute("continue")
ret = int(gdb.parse_and_eval("*(unsigned int *)$esp"))
pcs = []
while len(pcs) < 20000:
    gdb.execute("stepi", to_string=True)
    pc = int(gdb.parse_and_eval("$pc"))
    pcs.append(pc)
    if pc == ret:
        break

names = {}


def symbol(pc):
    if pc not in names:
        if pc >= 0x40000000:
            names[pc] = "user"
        else:
            out = gdb.execute("info symbol 0x%x" % pc, to_string=True)
            m = re.match(r"(\S+)", out)
            names[pc] = m.group(1) if m and "No symbol" not in out else hex(pc)
    return names[pc]


counts = collections.Counter(symbol(pc) for pc in pcs)
print("round trip: %d instructions" % len(pcs))
for name, n in counts.most_common(30):
    print("%6d %s" % (n, name))
if os.environ.get("PROFILE_LINES"):
    lines = collections.Counter()
    for pc in pcs:
        if pc < 0x40000000:
            sal = gdb.find_pc_line(pc)
            where = sal.symtab.filename if sal.symtab else "?"
            lines["%s:%d" % (where, sal.line)] += 1
    for where, n in lines.most_common(40):
        print("%6d %s" % (n, where))
gdb.execute("kill")

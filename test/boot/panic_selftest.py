# SPDX-License-Identifier: BSD-2-Clause
"""Boot scenario: a lethal signal to a self-managed process with no backup
manager must stop the system with a clear panic and a symbolic kernel
stack trace, and leave QEMU with the panic status (3)."""

NAME = "boot_panic_selftest_prints_symbolic_stack_trace"
IMAGE = "ktest"
APPEND = "panic-selftest"
TIMEOUT = 120
EXPECT = ["kernel panic: cause_sig: ktest", "<cause_sig+0x", "<do_kill+0x",
          "system halted"]
STATUS = 3


def check(status, text):
    """Return None on success, else what went wrong."""
    missing = [w for w in EXPECT if w not in text]
    if status != STATUS or missing:
        return f"status {status} (want {STATUS}), missing {missing}"
    return None

# SPDX-License-Identifier: BSD-2-Clause
"""Boot scenario: the tty driver over the serial console, like a person
at the terminal.  Boot image [tty]: ktest (tty-scenario) starts ds, tty
and ttyprobe; ttyprobe writes a prompt through the driver, reads a line
and writes it back as "[tty] got <line>".  We type a line with a typo
and an erase (DEL); the driver must echo the erase as backspace-space-
backspace, map our CR to NL, and hand over the corrected line."""
import re
import time

import pexpect

NAME = "boot_tty_console_echoes_edits_and_reads_a_line"
IMAGE = "tty"
APPEND = "tty-scenario"
TIMEOUT = 120
TYPED = b"hellp\x7fo world\r"  # Enter on a serial terminal is CR
# The pty under QEMU adds a CR of its own before each NL.
ECHO = re.compile(rb"hellp\x08 \x08o world\r+\n")
ANSWER = b"[tty] got <hello world>"


def run(cmd, timeout):
    """Boot cmd, type, and judge; None on success, else what went wrong."""
    child = pexpect.spawn(cmd[0], cmd[1:], timeout=timeout)
    try:
        child.expect(b"ttyprobe: type a line")
        for byte in TYPED:
            child.send(bytes([byte]))
            time.sleep(0.02)
        child.expect(ECHO, timeout=30)
        child.expect_exact(ANSWER, timeout=30)
        child.expect(rb"ttyprobe: (\d+) passed, (\d+) failed", timeout=30)
        failures = int(child.match.group(2))
        child.expect(pexpect.EOF, timeout=30)
    except pexpect.TIMEOUT:
        return f"timed out; last output {child.before[-300:]!r}"
    except pexpect.EOF:
        return f"emulator ended early; last output {child.before[-300:]!r}"
    finally:
        child.close(force=True)
    if failures != 0:
        return f"ttyprobe reported {failures} failed checks"
    status = (child.exitstatus - 1) // 2 if child.exitstatus else None
    if status != 0:
        return f"guest exit status {status}, want 0"
    return None

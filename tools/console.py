# SPDX-License-Identifier: BSD-2-Clause
"""Drive the system's serial console like a person at a terminal.

Boot scenarios of the [system] image use this: boot QEMU under pexpect,
wait for the root shell's prompt, type command lines, and read what each
printed and its exit status.  Every wait has a timeout; a scenario never
hangs.
"""
import io
import re
import time

import pexpect

PROMPT = re.compile(rb"(?:^|\n)# $")
STATUS = re.compile(rb"\[status (\d+)\]")


class Console:
    """A booted system with a root shell on its console."""

    def __init__(self, cmd, timeout):
        self.child = pexpect.spawn(cmd[0], cmd[1:], timeout=timeout)
        self.timeout = timeout

    def boot(self):
        """Wait for the first prompt."""
        self.child.expect(PROMPT, timeout=self.timeout)

    def type(self, text, pause=0.01):
        """Type text a byte at a time, as a serial terminal would."""
        for b in text.encode():
            self.child.send(bytes([b]))
            time.sleep(pause)

    def run(self, line, timeout=60):
        """Type line and Enter; return (output, exit status).  The output
        is what the command printed, with CRs dropped and the echo of the
        line removed."""
        self.type(line + " ; echo \"[status $?]\"\r")
        self.child.expect(STATUS, timeout=timeout)
        status = int(self.child.match.group(1))
        out = self.child.before.decode("utf-8", "replace")
        self.child.expect(PROMPT, timeout=timeout)
        out = out.replace("\r", "")
        echo = line + ' ; echo "[status $?]"'
        if echo in out:
            out = out.split(echo, 1)[1]
        return out.strip("\n"), status

    def expect(self, pattern, timeout=60):
        self.child.expect(pattern, timeout=timeout)
        return self.child.match

    def tail(self):
        """The last output seen, for failure messages."""
        before = self.child.before or b""
        return before[-400:].decode("utf-8", "replace")

    def close(self):
        self.child.close(force=True)


class TextLog:
    """A pexpect log file that keeps the console's text in buf."""

    def __init__(self, buf):
        self.buf = buf

    def write(self, data):
        self.buf.write(data.decode("utf-8", "replace"))

    def flush(self):
        pass


def logged_session(cmd, timeout, name, session):
    """Boot cmd, wait for the prompt and return session(con, log), log
    being everything the console printed (io.StringIO); a timeout or
    the end of QEMU becomes one failed check, name + "_session"."""
    con = Console(cmd, timeout)
    log = io.StringIO()
    con.child.logfile_read = TextLog(log)
    try:
        con.boot()
        return session(con, log)
    except (pexpect.TIMEOUT, pexpect.EOF) as e:
        return [(name + "_session",
                 f"{type(e).__name__}; last output {con.tail()!r}")]
    finally:
        con.close()

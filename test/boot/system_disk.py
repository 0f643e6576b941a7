# SPDX-License-Identifier: BSD-2-Clause
"""Boot scenarios of the system image that need the disk to outlive a
boot: files written before a clean shutdown are there after the next
boot, an 8 MiB workload (write, copy, check, delete) runs through VFS,
ext2 and the ATA driver, and after each clean shutdown or reboot the
host's e2fsck -fn finds the image clean."""
import os
import re
import subprocess
import sys

import pexpect

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../tools"))
from console import Console  # noqa: E402

NAME = "system_disk"
IMAGE = "system"
APPEND = ""
TIMEOUT = 300
DISK_COPY = True
MIB8 = 8 * 1024 * 1024

# 64 bytes, doubled by cat (x8, x8, x8, x8, x8, x4) to 8 MiB.
WORKLOAD = [
    "cd /tmp && echo 0123456789abcdef0123456789abcdef0123456789abcdef012345678901234 > b64",
    "cat b64 b64 b64 b64 b64 b64 b64 b64 > b512",
    "cat b512 b512 b512 b512 b512 b512 b512 b512 > b4k",
    "cat b4k b4k b4k b4k b4k b4k b4k b4k > b32k",
    "cat b32k b32k b32k b32k b32k b32k b32k b32k > b256k",
    "cat b256k b256k b256k b256k b256k b256k b256k b256k > b2m",
    "cat b2m b2m b2m b2m > big && cp big big2 && rm b2m b256k",
]


def e2fsck(disk):
    """None if the host's e2fsck -fn finds disk clean."""
    p = subprocess.run(["e2fsck", "-fn", disk], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    if p.returncode != 0:
        return "e2fsck -fn: " + p.stdout.decode()[-600:]
    return None


def session(boot, timeout, lines, ending):
    """Boot, run each (line, pattern) and end with ending (shutdown or
    reboot), waiting for the emulator to leave.  None or what failed."""
    con = Console(boot(), timeout)
    try:
        con.boot()
        for line, pattern in lines:
            out, status = con.run(line, timeout=timeout)
            if status != 0 or (pattern and not re.search(pattern, out)):
                return f"{line!r}: status {status}, output {out[-300:]!r}"
        con.type(ending + "\r")
        con.expect(pexpect.EOF, timeout=120)
        return None
    except (pexpect.TIMEOUT, pexpect.EOF) as e:
        return f"{type(e).__name__}; last output {con.tail()!r}"
    finally:
        con.close()


def steps(boot, timeout, disk):
    results = []
    first = [("echo kept > /root/note", None)] + \
        [(w, None) for w in WORKLOAD] + \
        [("wc -c big2", rf"^\s*{MIB8}\s"),
         ("grep -c 0123456789abcdef012345678901234 big2", r"^131072$")]
    why = session(boot, timeout, first, "shutdown")
    results.append(("disk_8mib_workload_then_clean_shutdown", why))
    results.append(("disk_e2fsck_clean_after_shutdown",
                    e2fsck(disk) if why is None else "first boot failed"))
    if why is not None:
        return results + [("disk_files_survive_a_reboot", "not run"),
                          ("disk_e2fsck_clean_after_reboot", "not run")]
    second = [("cat /root/note", r"^kept$"),
              ("wc -c /tmp/big2", rf"^\s*{MIB8}\s"),
              ("rm /tmp/big /tmp/big2 && ls /tmp", None)]
    why = session(boot, timeout, second, "reboot")
    results.append(("disk_files_survive_a_reboot", why))
    results.append(("disk_e2fsck_clean_after_reboot",
                    e2fsck(disk) if why is None else "second boot failed"))
    return results

# SPDX-License-Identifier: BSD-2-Clause
"""Boot scenario: the system image boots through QEMU's multiboot loader;
RS initialises every boot service in boot-list order, each reporting
init result 0, then starts init, which runs the boot programs."""
import re

NAME = "system_boot_rs_inits_services_in_list_order_then_init"
IMAGE = "system"
APPEND = ""
TIMEOUT = 300
SERVICES = ["ds", "vm", "pm"]  # boot/modules.list [system], after rs


def check(status, text):
    """Return None on success, else what went wrong."""
    lines = text.replace("\r", "").splitlines()
    inits = [m.groups() for m in
             (re.match(r"rs: init of (\w+) \(endpoint (\d+)\): (-?\d+)", l)
              for l in lines) if m]
    want = [(s, str(i + 1), "0") for i, s in enumerate(SERVICES)]
    if inits != want:
        return f"RS init lines {inits}, want {want}"
    order = ["rs: init of pm", "rs: starting init (endpoint 4): 0",
             "init: process 1,", "init: started /boot/utest"]
    pos = [text.find(w) for w in order]
    if -1 in pos or pos != sorted(pos):
        return f"boot log out of order or incomplete: {dict(zip(order, pos))}"
    if status != 0:
        return f"guest exit status {status}, want 0 (utest all passed)"
    return None

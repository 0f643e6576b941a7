# SPDX-License-Identifier: BSD-2-Clause
"""Boot scenarios of the system image over its serial console: a person
boots Axolotl, reaches the root shell and tries what a new user would.
One boot serves every check (each is its own PASS/FAIL line); the boot
log is checked too: RS initialises every service in boot-list order, init
mounts root and runs /etc/rc."""
import re
import sys
import os

import pexpect

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../tools"))
from console import Console  # noqa: E402

NAME = "system_console"
IMAGE = "system"
APPEND = ""
TIMEOUT = 240
# boot/modules.list [system]: the services after rs, with their slots
# (init, a user process, has slot 4 and no init line of its own).
SERVICES = [("ds", 1), ("vm", 2), ("pm", 3), ("vfs", 5), ("memory", 6),
            ("tty", 7), ("ata", 8), ("ext2", 9), ("hello", 10)]


def boot_log(text):
    """The boot log up to the first prompt: RS's init lines in list order,
    then init, the root mount and /etc/rc."""
    inits = re.findall(r"rs: init of (\w+) \(endpoint (\d+)\): (-?\d+)", text)
    want = [(s, str(slot), "0") for s, slot in SERVICES]
    if inits != want:
        return f"RS init lines {inits}, want {want}"
    order = ["rs: init of hello", "rs: starting init", "init: process 1",
             "rc: root file system mounted"]
    pos = [text.find(w) for w in order]
    if -1 in pos or pos != sorted(pos):
        return f"boot log out of order or incomplete: {dict(zip(order, pos))}"
    return None


def expect_run(con, line, want_status, pattern, flags=0):
    """Run line; None if the status is want_status (None: non-zero) and
    the output matches pattern, else what went wrong."""
    out, status = con.run(line)
    if want_status is None and status == 0:
        return f"{line!r}: status 0, want non-zero; output {out!r}"
    if want_status is not None and status != want_status:
        return f"{line!r}: status {status}, want {want_status}; output {out!r}"
    if pattern and not re.search(pattern, out, flags):
        return f"{line!r}: output {out!r} does not match {pattern!r}"
    return None


CHECKS = [
    ("console_ls_root_lists_the_root_directory", "ls /", 0,
     r"bin(.|\n)*dev(.|\n)*etc(.|\n)*service(.|\n)*tmp"),
    ("console_redirect_to_tmp_file_and_cat_it_back",
     "echo hello > /tmp/a; cat /tmp/a", 0, r"^hello$"),
    ("console_cat_dev_hello_says_hello_world", "cat /dev/hello", 0,
     r"(?m)^Hello, World!$"),  # the driver's log line may come first
    ("console_ls_l_service_lists_the_drivers", "ls -l /service", 0,
     r"(?s)ata.*ext2.*hello.*memory.*tty"),
    ("console_ps_lists_init_and_the_shell", "ps", 0,
     r"(?s)PID.*PPID.*\n\s*1\s.*init.*sh.*ps"),
    ("console_ls_nonexistent_fails_with_a_clear_error",
     "ls /nonexistent", None, r"(?i)/nonexistent.*no such file"),
    ("console_unknown_command_says_not_found_127", "nosuchcmd", 127,
     r"sh: nosuchcmd: not found"),
    ("console_pipeline_counts_words", "echo one two three | wc -w", 0,
     r"^\s*3\s*$"),
    ("console_append_and_and_or_lists",
     "echo a > /tmp/b && echo b >> /tmp/b && cat /tmp/b || echo no", 0,
     r"^a\nb$"),
    ("console_mkdir_cd_pwd", "mkdir /tmp/d && cd /tmp/d && pwd", 0,
     r"^/tmp/d$"),
    ("console_dev_null_swallows_and_reads_empty",
     "echo x > /dev/null; cat /dev/null | wc -c", 0, r"^\s*0\s*$"),
    ("console_df_shows_the_root_file_system", "df", 0,
     r"(?m)^/dev/c0d0\s+32768\s+\d+\s+\d+\s+/$"),
    ("console_free_reports_memory", "free", 0, r"(?i)total"),
    ("console_script_with_arguments_runs_with_sh",
     "echo 'echo script got $1' > /tmp/s.sh; echo 'exit 3' >> /tmp/s.sh; "
     "sh /tmp/s.sh here", 3, r"^script got here$"),
    ("console_stderr_redirect", "ls /nope 2> /tmp/err; cat /tmp/err", 0,
     r"(?i)no such file"),
    # The service command: usage errors, and RS's answers as the exit
    # status (down of an unknown label: ESRCH, 3; up of the running
    # hello: EBUSY, 16).
    ("console_service_unknown_command_prints_usage_status_1",
     "service bogus", 1, r"(?m)^usage: service "),
    ("console_service_down_of_an_unknown_label_is_esrch",
     "service down nosuch", 3, r"^service: nosuch: No such process$"),
    ("console_service_up_of_a_running_label_is_ebusy",
     "service up /service/hello -dev /dev/hello", 16,
     r"^service: /service/hello: Device or resource busy$"),
    ("console_service_dev_must_be_a_device",
     "service up /service/hello -dev /etc/rc", 1,
     r"^service: /etc/rc: not a character or block device$"),
]


def interrupt_sleep(con):
    """^C ends a foreground sleep 100 at once; the shell carries on."""
    con.type("sleep 100\r")
    con.expect(r"sleep 100\r*\n", timeout=30)
    con.child.send(b"\x03")
    out, status = con.run("echo \"sleep said $?\"", timeout=20)
    if "sleep said 130" not in out:
        return f"want sleep's status 130 (SIGINT) after ^C: {out!r}"
    return None


def steps(boot, timeout, disk):
    con = Console(boot(), timeout)
    results = []
    try:
        con.boot()
        text = con.child.before.decode("utf-8", "replace").replace("\r", "")
        results.append(("system_boot_inits_services_mounts_root_runs_rc",
                        boot_log(text)))
        for name, line, want, pattern in CHECKS:
            results.append((name, expect_run(con, line, want, pattern)))
        results.append(("console_ctrl_c_interrupts_sleep_100",
                        interrupt_sleep(con)))
    except (pexpect.TIMEOUT, pexpect.EOF) as e:
        results.append((NAME + "_session",
                        f"{type(e).__name__}; last output {con.tail()!r}"))
    finally:
        con.close()
    return results

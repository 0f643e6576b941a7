#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Host tests of sh and the commands (commands/*), built for the host by
tools/host-commands.sh into build/host/bin.

(The guest build of the same sources is `make all`, which links every
program.)  Each case runs a shell script with our sh (`sh -c`, `sh file` or sh on
stdin) in a fresh temporary directory, with PATH holding only our
commands, and compares standard output, the exit status and (where
given) a line of standard error.  The interactive cases drive sh on a
pseudo-terminal with pexpect: prompt, background job report, ^C.
Prints "PASS name" / "FAIL name: why" per case and ends with
"N passed, M failed"; exits 1 if anything failed.
"""
import errno
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.join(ROOT, "build", "host", "bin")
SH = os.path.join(BIN, "sh")

# name, script, expected stdout, expected status, expected stderr
# (None: not checked).  Run as: sh -c script.
CASES = [
    # ---- sh: words, quoting, expansion ----
    ("sh_echo_arguments", "echo a   b c", "a b c\n", 0, ""),
    ("sh_single_quotes_are_literal", "X=1; echo '$X \"q\"  sp'",
     "$X \"q\"  sp\n", 0, None),
    ("sh_double_quotes_expand_variables", 'X="a  b"; echo "[$X]" [$X]',
     "[a  b] [a b]\n", 0, None),
    ("sh_backslash_escapes", r'echo \$X a\ b "\"in\"" \\',
     '$X a b "in" \\\n', 0, None),
    ("sh_braced_variable", "X=ab; echo ${X}cd $Xcd.", "abcd .\n", 0, None),
    ("sh_empty_quotes_give_an_argument", "echo '' | wc -c", "      1\n",
     0, None),
    ("sh_unset_variable_expands_to_nothing", "echo [$NOPE]", "[]\n", 0,
     None),
    ("sh_dollar_dollar_is_shell_pid", "kill -0 $$ && echo alive",
     "alive\n", 0, None),
    ("sh_comment_ignored", "echo a # b c\n# whole line\necho d",
     "a\nd\n", 0, None),
    ("sh_unterminated_quote_is_syntax_error", "echo 'abc", "", 2,
     "sh: syntax error: unterminated quote"),
    ("sh_syntax_error_reported", "echo a | | echo b", "", 2,
     "sh: syntax error near '|'"),
    # ---- sh: status, lists ----
    ("sh_status_of_false", "false; echo $?", "1\n", 0, None),
    ("sh_and_runs_on_success", "true && echo yes", "yes\n", 0, None),
    ("sh_and_skips_on_failure", "false && echo yes; echo $?", "1\n", 0,
     None),
    ("sh_or_runs_on_failure", "false || echo no", "no\n", 0, None),
    ("sh_or_skips_on_success", "true || echo no; echo $?", "0\n", 0,
     None),
    ("sh_and_or_chain", "false && echo a || echo b && echo c",
     "b\nc\n", 0, None),
    ("sh_status_in_or_branch", "false || echo $?", "1\n", 0, None),
    ("sh_semicolons_sequence", "echo 1; echo 2;echo 3", "1\n2\n3\n", 0,
     None),
    ("sh_not_found_is_127", "nosuchcmd arg; echo $?", "127\n", 0,
     "sh: nosuchcmd: not found"),
    ("sh_not_found_path_is_127", "./nosuch; echo $?", "127\n", 0,
     "sh: ./nosuch: not found"),
    ("sh_exit_status_is_last_command", "true; false", "", 1, None),
    ("sh_exit_with_number", "exit 7; echo no", "", 7, None),
    ("sh_exit_without_number_keeps_status", "false; exit", "", 1, None),
    ("sh_exit_bad_number", "exit abc; echo $?", "2\n", 0,
     "sh: exit: abc: numeric argument required"),
    # ---- sh: pipelines ----
    ("sh_pipeline_two", "echo hello | cat", "hello\n", 0, None),
    ("sh_pipeline_long", "echo abc | cat | cat | cat | cat | wc -c",
     "      4\n", 0, None),
    ("sh_pipeline_status_is_last", "false | true; echo $?; true | false;"
     " echo $?", "0\n1\n", 0, None),
    ("sh_pipeline_with_builtin", "pwd | wc -l", "      1\n", 0, None),
    # ---- sh: redirections ----
    ("sh_redirect_out_and_in", "echo hi > f; cat < f", "hi\n", 0, None),
    ("sh_redirect_truncates", "echo long line > f; echo s > f; cat f",
     "s\n", 0, None),
    ("sh_redirect_append", "echo a > f; echo b >> f; cat f", "a\nb\n", 0,
     None),
    ("sh_redirect_stderr", "ls /nonexistent 2> err; echo $?; cat err",
     "1\nls: /nonexistent: No such file or directory\n", 0, ""),
    ("sh_redirect_stderr_to_stdout", "ls /nonexistent 2>&1 | wc -l",
     "      1\n", 0, ""),
    ("sh_redirect_order_matters", "ls /nonexistent 2>&1 > f; cat f",
     "ls: /nonexistent: No such file or directory\n", 0, ""),
    ("sh_redirect_missing_input", "cat < nofile; echo $?", "1\n", 0,
     "sh: cannot open nofile: No such file or directory"),
    ("sh_redirect_only_creates_file", "> empty; wc -c empty",
     "      0 empty\n", 0, None),
    ("sh_builtin_redirect_restored", "pwd > f; echo after; wc -l f",
     "after\n      1 f\n", 0, None),
    ("sh_redirect_variable_target", "F=out; echo x > $F; cat out", "x\n",
     0, None),
    # ---- sh: variables and builtins ----
    ("sh_export_reaches_child", "export V=exported; sh -c 'echo $V'",
     "exported\n", 0, None),
    ("sh_plain_variable_not_exported", "V=local; sh -c 'echo [$V]'",
     "[]\n", 0, None),
    ("sh_assignment_prefix_for_one_command",
     "V=one sh -c 'echo $V'; echo [$V]", "one\n[]\n", 0, None),
    ("sh_unset_removes_variable", "V=1; unset V; echo [$V]", "[]\n", 0,
     None),
    ("sh_export_bad_name", "export 1x=2; echo $?", "1\n", 0,
     "sh: export: 1x=2: bad variable name"),
    ("sh_cd_and_pwd", "mkdir d; cd d; pwd | grep -c /d; cd ..; "
     "ls", "1\nd\n", 0, None),
    ("sh_cd_home_without_argument", "mkdir h; HOME=$PWD/h; cd; pwd | "
     "grep -c /h", "1\n", 0, None),
    ("sh_cd_missing_directory", "cd /nonexistent; echo $?", "1\n", 0,
     "sh: cd: /nonexistent: No such file or directory"),
    # ---- sh: background jobs ----
    ("sh_background_job_runs", "sleep 0.2 & echo started; wait; "
     "echo done", "started\ndone\n", 0, None),
    ("sh_background_pid_in_bang", "sleep 0.1 & P=$!; wait $P; echo $?; "
     "kill -0 $P; echo $?", "0\n1\n", 0, None),
    ("sh_background_output_after_wait", "echo bg > f & wait; cat f",
     "bg\n", 0, None),
    ("sh_background_and_or_list", "false || echo alt > f & wait; cat f",
     "alt\n", 0, None),
    # ---- sh: scripts and -c ----
    ("sh_c_with_arguments", "sh -c 'echo $0 $1 $2 $#' zero one two",
     "zero one two 2\n", 0, None),
    ("sh_script_file_with_arguments",
     "echo 'echo script $1' > s; echo 'exit 4' >> s; sh s arg; echo $?",
     "script arg\n4\n", 0, None),
    ("sh_script_missing", "sh nofile; echo $?", "127\n", 0,
     "sh: cannot open nofile: No such file or directory"),
    ("sh_script_without_interpreter_line",
     "echo 'echo plain $1; exit 5' > s; /bin/chmod 755 s; ./s a; echo $?",
     "plain a\n5\n", 0, None),
    ("sh_script_is_directory", "mkdir d; sh d; echo $?", "2\n", 0,
     "sh: read: Is a directory"),
    ("sh_unknown_option", "sh -x; echo $?", "2\n", 0,
     "sh: -x: unknown option"),
    # ---- echo, true, false, pwd ----
    ("echo_no_newline", "echo -n a b; echo c", "a bc\n", 0, None),
    ("sync_succeeds", "sync; echo $?", "0\n", 0, ""),
    ("true_false_status", "true; echo $?; false; echo $?", "0\n1\n", 0,
     None),
    ("pwd_command", "mkdir x; cd x; " + BIN + "/pwd | grep -c /x", "1\n",
     0, None),
    # ---- cat ----
    ("cat_files_in_order", "echo 1 > a; echo 2 > b; cat a b", "1\n2\n", 0,
     None),
    ("cat_stdin_dash", "echo in | cat - ", "in\n", 0, None),
    ("cat_missing_file_continues", "echo 1 > a; cat nofile a; echo $?",
     "1\n1\n", 0, "cat: nofile: No such file or directory"),
    # ---- ls ----
    ("ls_sorted_names", "touch b a c; ls", "a\nb\nc\n", 0, ""),
    ("ls_hides_dot_files", "touch .h v; ls", "v\n", 0, None),
    ("ls_a_shows_dot_files", "touch .h v; ls -a", ".\n..\n.h\nv\n", 0,
     None),
    ("ls_missing_operand", "ls /nonexistent; echo $?", "1\n", 0,
     "ls: /nonexistent: No such file or directory"),
    ("ls_several_operands", "mkdir d; touch d/x f; ls f d",
     "f\n\nd:\nx\n", 0, None),
    ("ls_long_format", "echo 12345 > f; ls -l f",
     re.compile(r"-rw-r--r--  1 +\d+ +\d+ +6 \w{3} [ \d]\d \d\d:\d\d f\n"),
     0, None),
    ("ls_long_directory_and_symlink", "mkdir d; ln -s d l; ls -l",
     re.compile(r"d[rwx-]{9} .* d\nl[rwx-]{9} .* l -> d\n"), 0, None),
    ("ls_unknown_option", "ls -z; echo $?", "2\n", 0,
     "ls: -z: unknown option"),
    # ---- cp, mv, rm, mkdir, rmdir, ln, touch ----
    ("cp_file", "echo data > a; cp a b; cat b", "data\n", 0, None),
    ("cp_into_directory", "mkdir d; echo x > a; echo y > b; cp a b d; "
     "cat d/a d/b", "x\ny\n", 0, None),
    ("cp_missing_source", "cp nofile b; echo $?", "1\n", 0,
     "cp: nofile: No such file or directory"),
    ("cp_same_file_refused", "echo x > a; cp a a; echo $?; cat a",
     "1\nx\n", 0, "cp: a and a are the same file"),
    ("mv_renames", "echo x > a; mv a b; cat b; ls", "x\nb\n", 0, None),
    ("mv_into_directory", "mkdir d; touch a; mv a d; ls d", "a\n", 0,
     None),
    ("mv_missing_source", "mv nofile b; echo $?", "1\n", 0, None),
    ("rm_file", "touch a b; rm a; ls", "b\n", 0, None),
    ("rm_missing_file", "rm nofile; echo $?", "1\n", 0,
     "rm: nofile: No such file or directory"),
    ("rm_f_missing_file_is_quiet", "rm -f nofile; echo $?", "0\n", 0, ""),
    ("rm_directory_needs_r", "mkdir d; rm d; echo $?; ls", "1\nd\n", 0,
     "rm: d: is a directory"),
    ("rm_r_tree", "mkdir -p d/e/f; touch d/1 d/e/2; ln -s .. d/e/up; "
     "rm -rf d; ls; echo $?", "0\n", 0, ""),
    ("mkdir_and_rmdir", "mkdir d; ls; rmdir d; ls; echo $?", "d\n0\n", 0,
     None),
    ("mkdir_existing_fails", "mkdir d; mkdir d; echo $?", "1\n", 0,
     "mkdir: d: File exists"),
    ("mkdir_p_parents", "mkdir -p a/b/c; mkdir -p a/b; echo $?; ls a/b",
     "0\nc\n", 0, ""),
    ("rmdir_not_empty", "mkdir d; touch d/f; rmdir d; echo $?", "1\n", 0,
     "rmdir: d: Directory not empty"),
    ("ln_hard_link", "echo x > a; ln a b; echo y >> b; cat a", "x\ny\n",
     0, None),
    ("ln_symbolic_link", "echo x > a; ln -s a s; cat s", "x\n", 0, None),
    ("ln_existing_name_fails", "touch a b; ln a b; echo $?", "1\n", 0,
     "ln: b: File exists"),
    ("touch_creates_empty_file", "touch n; wc -c n", "      0 n\n", 0,
     None),
    # ---- wc, head, tail, grep ----
    ("wc_all_counts", "echo 'one two' > f; echo three >> f; wc f",
     "      2       3      14 f\n", 0, None),
    ("wc_options", "echo 'a b c' | wc -w; echo 'a b c' | wc -lc",
     "      3\n      1       6\n", 0, None),
    ("wc_total_line", "echo a > x; echo b > y; wc -l x y",
     "      1 x\n      1 y\n      2 total\n", 0, None),
    ("wc_missing_file", "wc nofile; echo $?", "1\n", 0,
     "wc: nofile: No such file or directory"),
    ("grep_fixed_string", "echo 'a.c' > f; echo abc >> f; grep . f",
     "a.c\n", 0, None),
    ("grep_v_inverts", "echo a > f; echo b >> f; grep -v a f", "b\n", 0,
     None),
    ("grep_c_counts", "echo a > f; echo ab >> f; echo c >> f; grep -c a f",
     "2\n", 0, None),
    ("grep_n_numbers", "echo a > f; echo b >> f; grep -n b f", "2:b\n",
     0, None),
    ("grep_i_ignores_case", "echo Hello > f; grep -i hELLo f", "Hello\n",
     0, None),
    ("grep_no_match_is_1", "echo a | grep z; echo $?", "1\n", 0, None),
    ("grep_missing_file_is_2", "grep a nofile; echo $?", "2\n", 0,
     "grep: nofile: No such file or directory"),
    ("grep_several_files_prefix", "echo a > x; echo a > y; grep a x y",
     "x:a\ny:a\n", 0, None),
    # ---- sleep, kill ----
    ("sleep_bad_argument", "sleep abc; echo $?", "2\n", 0,
     "sleep: abc: invalid time"),
    ("kill_default_term", "sleep 5 & P=$!; kill $P; wait $P; echo $?",
     "143\n", 0, None),
    ("kill_by_name", "sleep 5 & P=$!; kill -KILL $P; wait $P; echo $?",
     "137\n", 0, None),
    ("kill_by_number", "sleep 5 & P=$!; kill -1 $P; wait $P; echo $?",
     "129\n", 0, None),
    ("sh_background_job_ignores_sigint",
     "sleep 0.3 & P=$!; kill -INT $P; wait $P; echo $?", "0\n", 0, None),
    ("kill_unknown_signal", "kill -FOO 1; echo $?", "2\n", 0,
     "kill: -FOO: unknown signal"),
    ("kill_bad_pid", "kill abc; echo $?", "1\n", 0,
     "kill: abc: not a pid"),
]

# ps, uptime, free, shutdown and reboot ask the system through one file
# each (prog.mk: SRCS); their host builds (HOST_SRCS) use stand-ins with
# fixed figures, and the stand-in of shutdown prints what it would do.
# mount and umount change only the mount table ($MTAB) on the host.
PS_OUT = ("  PID  PPID ENDPOINT STATE CMD\n"
          "    1     0        4 S     init\n"
          "    7     0        5 R     vfs\n"
          "   12     1       71 S     sh\n"
          "   13    12        - Z     sleep\n"
          "   14    12       73 R     ps\n")
FREE_OUT = ("KiB             total       used       free\n"
            "Mem:            30720       6144      24576\n"
            "boot images: 1024 KiB, page-table pool: 256 KiB free, "
            "11 address spaces\n")
DF_HEAD = r"Filesystem\s+1K-blocks\s+Used\s+Available Mounted on\n"
STOP_SEQ = "kill -1 15\npause\nkill -1 9\nstop %s\n"
CASES += [
    ("ps_lists_every_process", "ps", PS_OUT, 0, ""),
    ("ps_rejects_arguments", "ps -e; echo $?", "2\n", 0,
     "ps: -e: unknown argument"),
    ("uptime_days_and_processes", "uptime",
     "up 2 days, 3:04:05, 9 processes\n", 0, ""),
    ("uptime_rejects_arguments", "uptime x; echo $?", "2\n", 0,
     "usage: uptime"),
    ("free_reports_kib", "free", FREE_OUT, 0, ""),
    ("free_rejects_arguments", "free -m; echo $?", "2\n", 0,
     "free: -m: unknown argument"),
    ("mount_lists_table", "echo '/dev/c0d0p0 / ext2 rw' > mt; "
     "echo '# note' >> mt; echo '/dev/ram /tmp ext2' >> mt; MTAB=mt mount",
     "/dev/c0d0p0 on / type ext2 (rw)\n/dev/ram on /tmp type ext2 (rw)\n",
     0, ""),
    ("mount_records_options", "mkdir d; MTAB=mt mount -r /dev/ram d -t "
     "ext3; echo $?; MTAB=mt mount", "0\n/dev/ram on d type ext3 (ro)\n",
     0, ""),
    ("mount_default_type_is_ext2", "mkdir d; MTAB=mt mount /dev/ram d; "
     "cat mt", "/dev/ram d ext2 rw\n", 0, ""),
    ("mount_one_operand_is_usage", "mount /dev/ram; echo $?", "2\n", 0,
     "usage: mount [DEV DIR [-t TYPE] [-r]]"),
    ("mount_unknown_option_is_usage", "mkdir d; mount -x /dev/ram d; "
     "echo $?", "2\n", 0, "usage: mount [DEV DIR [-t TYPE] [-r]]"),
    ("mount_t_without_type_is_usage", "mkdir d; mount /dev/ram d -t; "
     "echo $?", "2\n", 0, "usage: mount [DEV DIR [-t TYPE] [-r]]"),
    ("mount_missing_dir_records_nothing", "MTAB=mt mount /dev/ram nodir; "
     "echo $?; ls", "1\n", 0, "mount: /dev/ram: No such file or directory"),
    ("mount_without_table_fails", "MTAB=nofile mount; echo $?", "1\n", 0,
     "mount: nofile: No such file or directory"),
    ("umount_removes_its_line", "mkdir a b; MTAB=mt mount /dev/x a; "
     "MTAB=mt mount /dev/y b; MTAB=mt umount a; echo $?; MTAB=mt mount",
     "0\n/dev/y on b type ext2 (rw)\n", 0, ""),
    ("umount_unlisted_dir_keeps_table", "mkdir a b; MTAB=mt mount /dev/x "
     "a; MTAB=mt umount b; echo $?; cat mt", "0\n/dev/x a ext2 rw\n", 0,
     ""),
    ("umount_without_operand_is_usage", "umount; echo $?", "2\n", 0,
     "usage: umount DIR"),
    ("umount_missing_dir_fails", "umount nodir; echo $?", "1\n", 0,
     "umount: nodir: No such file or directory"),
    ("df_one_line_per_mount", "mkdir d; echo '/dev/x d ext2 rw' > mt; "
     "MTAB=mt df", re.compile(DF_HEAD + r"/dev/x\s+(\d+)\s+\d+\s+\d+ d\n"),
     0, ""),
    ("df_without_table_shows_root", "MTAB=nofile df",
     re.compile(DF_HEAD + r"-\s+\d+\s+\d+\s+\d+ /\n"), 0, ""),
    ("df_named_mount_point", "mkdir d; echo '/dev/x d ext2' > mt; "
     "MTAB=mt df d", re.compile(DF_HEAD + r"/dev/x\s+\d+\s+\d+\s+\d+ d\n"),
     0, ""),
    ("df_missing_mount_point_fails", "echo '/dev/x nodir ext2' > mt; "
     "MTAB=mt df > out; echo $?", "1\n", 0,
     "df: nodir: No such file or directory"),
    ("df_unknown_option_is_usage", "df -h; echo $?", "2\n", 0,
     "df: -h: unknown option"),
    ("shutdown_default_powers_off", "shutdown; echo $?",
     STOP_SEQ % "poweroff" + "1\n", 0,
     "shutdown: reboot: Function not implemented"),
    ("shutdown_r_reboots", "shutdown -r", STOP_SEQ % "reboot", 1, None),
    ("shutdown_h_halts", "shutdown -h", STOP_SEQ % "halt", 1, None),
    ("shutdown_p_powers_off", "shutdown -p", STOP_SEQ % "poweroff", 1,
     None),
    ("shutdown_bad_option_does_nothing", "shutdown -x; echo $?", "2\n", 0,
     "shutdown: -x: unknown option"),
    ("shutdown_two_options_is_usage", "shutdown -r -h; echo $?", "2\n", 0,
     "usage: shutdown [-h | -r | -p]"),
    ("reboot_reboots", "reboot; echo $?", STOP_SEQ % "reboot" + "1\n", 0,
     "reboot: reboot: Function not implemented"),
    ("reboot_rejects_arguments", "reboot now; echo $?", "2\n", 0,
     "reboot: now: unknown argument"),
]

# Cases whose fixtures need many lines: (name, script, stdout).
LINES = "".join("echo %d >> f; " % i for i in range(1, 16))
CASES += [
    ("head_default_ten_lines", LINES + "head f",
     "".join("%d\n" % i for i in range(1, 11)), 0, None),
    ("head_n_option", LINES + "head -n 3 f; head -2 f",
     "1\n2\n3\n1\n2\n", 0, None),
    ("head_stdin", LINES + "cat f | head -n 1", "1\n", 0, None),
    ("head_bad_count", "head -n x; echo $?", "2\n", 0,
     "head: x: invalid line count"),
    ("tail_default_ten_lines", LINES + "tail f",
     "".join("%d\n" % i for i in range(6, 16)), 0, None),
    ("tail_n_option", LINES + "tail -n 2 f; cat f | tail -1",
     "14\n15\n15\n", 0, None),
    ("tail_more_than_file", "echo a > f; tail -n 5 f", "a\n", 0, None),
    ("tail_missing_file", "tail nofile; echo $?", "1\n", 0,
     "tail: nofile: No such file or directory"),
]

# service talks to RS through rsreq_host.c on the host: status gives two
# canned services, lookup knows hello, everything else fails with ENOSYS
# (as RS answers today), so the exit status is the host's ENOSYS.
SERVICE_HEAD = "LABEL ENDPOINT PID RESTARTS FLAGS PERIOD POLICY CRASH RECOVERY\n"
SERVICE_HELLO = "hello 10 11 2 A-------- 5HZ restart 42.17 1834522\n"
CASES += [
    ("service_status_prints_header_and_a_line_per_service", "service status",
     SERVICE_HEAD + SERVICE_HELLO + "vfs 5 7 0 A----R-rs - restart - -\n",
     0, ""),
    ("service_status_label_prints_one_line", "service status hello",
     SERVICE_HEAD + SERVICE_HELLO, 0, ""),
    ("service_status_unknown_label_is_esrch", "service status nope; echo $?",
     "%d\n" % errno.ESRCH, 0, "service: nope: No such process"),
    ("service_lookup_prints_the_endpoint", "service lookup hello", "10\n",
     0, ""),
    ("service_down_reports_rs_error_as_status", "service down nosuch", "",
     errno.ENOSYS, "service: nosuch: Function not implemented"),
    ("service_unknown_command_prints_usage_status_1",
     "service bogus; echo $?", "1\n", 0, "service: bogus: unknown command"),
    ("service_usage_lists_the_synopsis", "service 2>&1 | grep -c usage",
     "1\n", 0, ""),
    ("service_up_config_error_names_file_and_line",
     "echo 'service sh { colour red; };' > c; "
     "service up /bin/sh -config c; echo $?", "1\n", 0,
     "service: c:1: unknown key 'colour'"),
    ("service_up_without_entry_is_refused",
     "echo 'service other { };' > c; service up /bin/sh -config c; echo $?",
     "1\n", 0, "service: c: no entry for service sh"),
    ("service_up_dev_must_be_a_device",
     "echo x > f; service up /bin/sh -dev f; echo $?", "1\n", 0,
     "service: f: not a character or block device"),
    ("service_up_with_good_config_reaches_rs",
     "echo 'service sh { uid 0; io 3f8:8; };' > c; "
     "service up /bin/sh -config c", "", errno.ENOSYS,
     "service: /bin/sh: Function not implemented"),
]


def run_case(name, script, want_out, want_status, want_err):
    """Run one case in a fresh directory; None if it passed, else why."""
    tmp = tempfile.mkdtemp(prefix="axo-sh-")
    env = {"PATH": BIN, "HOME": tmp, "PWD": tmp}
    try:
        p = subprocess.run([SH, "-c", script], cwd=tmp, env=env,
                           stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=20)
    except subprocess.TimeoutExpired:
        return "timed out"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    if isinstance(want_out, re.Pattern):
        if not want_out.fullmatch(out):
            return f"stdout {out!r} does not match {want_out.pattern!r}"
    elif out != want_out:
        return f"expected stdout {want_out!r}, got {out!r} (stderr {err!r})"
    if p.returncode != want_status:
        return f"expected status {want_status}, got {p.returncode}"
    if want_err == "" and err != "":
        return f"expected no stderr, got {err!r}"
    if want_err and want_err not in err.splitlines():
        return f"expected stderr line {want_err!r}, got {err!r}"
    return None


def run_stdin_case():
    """Commands on stdin: a command reading stdin sees the rest of it."""
    p = subprocess.run([SH], input=b"echo one\ncat\necho two\n",
                       capture_output=True, timeout=20,
                       env={"PATH": BIN})
    want = b"one\necho two\n"
    if p.stdout != want or p.returncode != 0 or p.stderr != b"":
        return f"expected {want!r} status 0 and no prompt, got " \
               f"{p.stdout!r} status {p.returncode} stderr {p.stderr!r}"
    return None


def run_interactive():
    """Drive sh on a pseudo-terminal: prompt, job report, ^C."""
    try:
        import pexpect
    except ImportError:
        return [("sh_interactive", "python3-pexpect is not installed")]
    results = []
    tmp = tempfile.mkdtemp(prefix="axo-sh-")
    child = pexpect.spawn(SH, cwd=tmp, env={"PATH": BIN, "HOME": tmp},
                          timeout=10, encoding="utf-8")

    def step(name, send, expect):
        try:
            if send is not None:
                child.send(send)
            child.expect(expect)
            results.append((name, None))
        except (pexpect.TIMEOUT, pexpect.EOF) as e:
            results.append((name, f"expected {expect!r} after {send!r}, "
                                  f"got {child.before!r} ({type(e).__name__})"))

    step("sh_interactive_prompt", None, r"# ")
    step("sh_interactive_background_prints_pid", "sleep 0.3 &\r",
         r"\[1\] \d+\r\n")
    step("sh_interactive_reaps_done_job", "sleep 0.5; echo next\r",
         r"\[1\] Done sleep 0\.3")
    step("sh_interactive_ctrl_c_at_prompt_survives", "\x03echo alive\r",
         r"alive\r\n# ")
    child.send("sleep 30\r")
    child.expect(r"sleep 30\r\n")
    step("sh_interactive_ctrl_c_interrupts_job", "\x03", r"# ")
    step("sh_interactive_status_after_ctrl_c", "echo st=$?\r",
         r"st=130\r\n# ")
    child.send("exit 3\r")
    child.expect(pexpect.EOF)
    child.close()
    results.append(("sh_interactive_exit_status",
                    None if child.exitstatus == 3 else
                    f"expected exit status 3, got {child.exitstatus}"))
    shutil.rmtree(tmp, ignore_errors=True)
    return results


def main():
    build = subprocess.run(["bash", os.path.join(ROOT, "tools",
                                                 "host-commands.sh")],
                           capture_output=True, text=True)
    if build.returncode != 0:
        print("FAIL host_commands_build: " + build.stdout + build.stderr)
        print("0 passed, 1 failed")
        sys.exit(1)
    results = [(c[0], run_case(*c)) for c in CASES]
    results.append(("sh_reads_stdin_a_line_at_a_time", run_stdin_case()))
    results += run_interactive()
    passed = failed = 0
    for name, why in results:
        if why is None:
            print(f"PASS {name}")
            passed += 1
        else:
            print(f"FAIL {name}: {why}")
            failed += 1
    print(f"{passed} passed, {failed} failed")
    sys.exit(0 if failed == 0 else 1)


if __name__ == "__main__":
    main()

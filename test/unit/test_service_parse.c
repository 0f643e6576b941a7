// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host tests of the service command's argument parsing
 * (commands/service/parse.c) and of its status lines (status.c): verbs
 * into RS requests, options into struct rs_start, NHZ, -maxtime 0 as -1,
 * -dev through a fake stat, and the usage errors.
 */
// UNIT_SOURCES: commands/service/parse.c commands/service/status.c
#include <errno.h>

#include "unit.h"
#include "../../commands/service/svc.h"

/* Fake nodes for -dev: /dev/hello (c 17), /dev/c0d0 (b 3), /etc/rc. */
static int fake_stat(const char *path, struct svc_node *out)
{
	if (strcmp(path, "/dev/hello") == 0) {
		*out = (struct svc_node){ 'c', 17 };
	} else if (strcmp(path, "/dev/c0d0") == 0) {
		*out = (struct svc_node){ 'b', 3 };
	} else if (strcmp(path, "/etc/rc") == 0) {
		*out = (struct svc_node){ 0, 0 };
	} else {
		return -ENOENT;
	}
	return 0;
}

static struct svc_cmd cmd;
static char err[SVC_ERR_LEN];

/* Parse the NULL-terminated words after "service". */
static int parse(const char *const *words)
{
	char *argv[32] = { "service" };
	int argc = 1;

	for (; *words != NULL && argc < 31; words++)
		argv[argc++] = (char *)*words;
	argv[argc] = NULL;
	return svc_parse_args(argc, argv, fake_stat, &cmd, err, sizeof(err));
}

#define PARSE(...) parse((const char *const[]){ __VA_ARGS__, NULL })

static void up_defaults_label_and_progname_to_basename(void)
{
	expect_eq_int("result", 0, PARSE("up", "/service/hello"));
	expect_eq_int("request", RS_UP, cmd.request);
	expect_true("carries rs_start", cmd.with_start);
	expect_str_eq("label", "hello", cmd.start.label);
	expect_str_eq("progname", "hello", cmd.start.progname);
	expect_str_eq("request label", "hello", cmd.label);
	expect_str_eq("cmd", "/service/hello", cmd.start.cmd);
	expect_str_eq("binary", "/service/hello", cmd.binary);
	expect_eq_int("major", -1, cmd.start.major);
	expect_eq_int("restarts", -1, cmd.start.restarts);
	expect_eq_int("period", 0, cmd.start.period);
	expect_eq_int("lu_maxtime", 0, cmd.start.lu_maxtime);
	expect_eq_u32("flags", 0, cmd.start.flags);
	expect_true("no -config", cmd.config == NULL);
}

static void up_options_fill_rs_start(void)
{
	expect_eq_int("result", 0,
		      PARSE("up", "/service/hello", "-label", "hi", "-period",
			    "250", "-script", "/etc/rs.sh", "-args", "a b",
			    "-config", "/tmp/c", "-progname", "hx", "-restarts",
			    "3", "-major", "17"));
	expect_str_eq("label", "hi", cmd.start.label);
	expect_str_eq("progname", "hx", cmd.start.progname);
	expect_eq_int("period", 250, cmd.start.period);
	expect_str_eq("script", "/etc/rs.sh", cmd.start.script);
	expect_str_eq("args", "a b", cmd.start.args);
	expect_str_eq("config", "/tmp/c", cmd.config);
	expect_eq_int("restarts", 3, cmd.start.restarts);
	expect_eq_int("major", 17, cmd.start.major);
}

static void period_nhz_means_n_times_hz(void)
{
	expect_eq_int("result", 0,
		      PARSE("up", "/service/hello", "-period", "5HZ"));
	expect_eq_int("period", 5 * HZ, cmd.start.period);
	expect_eq_int("0 rejected", SVC_USAGE,
		      PARSE("up", "/service/hello", "-period", "0"));
	expect_eq_int("5hz rejected", SVC_USAGE,
		      PARSE("up", "/service/hello", "-period", "5hz"));
	expect_eq_int("overflow rejected", SVC_USAGE,
		      PARSE("up", "/service/hello", "-period",
			    "99999999999HZ"));
}

static void maxtime_zero_is_sent_as_minus_one(void)
{
	expect_eq_int("result", 0,
		      PARSE("update", "/service/hello", "-maxtime", "0"));
	expect_eq_int("request", RS_UPDATE, cmd.request);
	expect_eq_int("maxtime 0", -1, cmd.start.lu_maxtime);
	expect_eq_int("result 2HZ", 0,
		      PARSE("update", "/service/hello", "-maxtime", "2HZ"));
	expect_eq_int("maxtime 2HZ", 2 * HZ, cmd.start.lu_maxtime);
}

static void state_zero_is_rejected(void)
{
	expect_eq_int("state 0", SVC_USAGE,
		      PARSE("update", "/service/hello", "-state", "0"));
	expect_eq_int("state 2", 0,
		      PARSE("update", "/service/hello", "-state", "2"));
	expect_eq_int("lu_state", 2, cmd.start.lu_state);
}

static void dev_takes_the_major_of_a_device_node(void)
{
	expect_eq_int("char", 0,
		      PARSE("up", "/service/hello", "-dev", "/dev/hello"));
	expect_eq_int("major", 17, cmd.start.major);
	expect_eq_int("block", 0,
		      PARSE("up", "/service/ata", "-dev", "/dev/c0d0"));
	expect_eq_int("block major", 3, cmd.start.major);
}

static void dev_rejects_a_file_and_a_missing_node(void)
{
	expect_eq_int("regular file", SVC_BADARG,
		      PARSE("up", "/service/hello", "-dev", "/etc/rc"));
	expect_str_eq("message", "/etc/rc: not a character or block device",
		      err);
	expect_eq_int("missing", SVC_BADARG,
		      PARSE("up", "/service/hello", "-dev", "/dev/nope"));
	expect_true("names the node", strstr(err, "/dev/nope: ") == err);
	expect_eq_int("with -major", SVC_USAGE,
		      PARSE("up", "/service/hello", "-major", "3", "-dev",
			    "/dev/hello"));
}

static void flags_set_their_rss_bits(void)
{
	expect_eq_int("result", 0,
		      PARSE("-cn", "-p", "-bf", "up", "/service/hello"));
	expect_eq_u32("flags",
		      RSS_COPY | RSS_NOBLOCK | RSS_REPLICA | RSS_NO_BIN_EXP |
			      RSS_NORESTART,
		      cmd.start.flags);
	expect_eq_int("result 2", 0,
		      PARSE("-qosxyzde", "update", "/service/hello"));
	expect_eq_u32("update flags",
		      RSS_BATCH | RSS_PREPARE_ONLY_LU | RSS_FORCE_SELF_LU |
			      RSS_FORCE_INIT_CRASH | RSS_FORCE_INIT_FAIL |
			      RSS_FORCE_INIT_TIMEOUT | RSS_FORCE_INIT_DEFCB |
			      RSS_DETACH,
		      cmd.start.flags);
	expect_eq_int("unknown flag", SVC_USAGE,
		      PARSE("-k", "up", "/service/hello"));
	expect_eq_int("flag on down", SVC_USAGE, PARSE("-n", "down", "hello"));
}

static void run_is_up_without_restart(void)
{
	expect_eq_int("result", 0, PARSE("run", "/service/hello"));
	expect_eq_int("request", RS_UP, cmd.request);
	expect_eq_u32("flags", RSS_NORESTART, cmd.start.flags);
	expect_eq_int("with -script", SVC_USAGE,
		      PARSE("run", "/service/hello", "-script", "/etc/x"));
}

static void update_self_needs_a_label_and_sends_self(void)
{
	expect_eq_int("no label", SVC_USAGE, PARSE("update", "self"));
	expect_eq_int("result", 0, PARSE("update", "self", "-label", "hello"));
	expect_true("self", cmd.self);
	expect_str_eq("cmd", RS_CMD_SELF, cmd.start.cmd);
	expect_eq_u32("flags", RSS_SELF_LU, cmd.start.flags);
	expect_true("no binary", cmd.binary == NULL);
	expect_str_eq("label", "hello", cmd.label);
	expect_eq_int("up self", SVC_USAGE, PARSE("up", "self"));
}

static void edit_needs_a_label(void)
{
	expect_eq_int("no label", SVC_USAGE, PARSE("edit", "/service/hello"));
	expect_eq_int("result", 0,
		      PARSE("edit", "/service/hello", "-label", "hello"));
	expect_eq_int("request", RS_EDIT, cmd.request);
}

static void label_verbs_map_to_their_requests(void)
{
	static const struct {
		const char *verb;
		int request;
	} cases[] = {
		{ "down", RS_DOWN },	   { "refresh", RS_REFRESH },
		{ "restart", RS_RESTART }, { "clone", RS_CLONE },
		{ "unclone", RS_UNCLONE }, { "fi", RS_FI },
		{ "lookup", RS_LOOKUP },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *v = cases[i].verb;
		expect_eq_int(unit_fmt("%s result", v), 0, PARSE(v, "tty"));
		expect_eq_int(unit_fmt("%s request", v), cases[i].request,
			      cmd.request);
		expect_str_eq(unit_fmt("%s label", v), "tty", cmd.label);
		expect_false(unit_fmt("%s rs_start", v), cmd.with_start);
		expect_eq_int(unit_fmt("%s no label", v), SVC_USAGE, PARSE(v));
		expect_eq_int(unit_fmt("%s two labels", v), SVC_USAGE,
			      PARSE(v, "a", "b"));
	}
}

static void fi_takes_an_optional_fault_type(void)
{
	expect_eq_int("fi hello", 0, PARSE("fi", "hello"));
	expect_eq_int("default crash", RS_FI_CRASH, cmd.subtype);
	expect_eq_int("fi hello loop", 0, PARSE("fi", "hello", "loop"));
	expect_eq_int("loop", RS_FI_LOOP, cmd.subtype);
	expect_str_eq("label", "hello", cmd.label);
	expect_eq_int("fi ata badreply", 0, PARSE("fi", "ata", "badreply"));
	expect_eq_int("badreply", RS_FI_BADREPLY, cmd.subtype);
	expect_eq_int("fi hello melt", SVC_USAGE, PARSE("fi", "hello", "melt"));
	expect_str_eq("message",
		      "fi: melt: not one of crash, segv, loop, exit, badreply, "
		      "badreq",
		      err);
	expect_eq_int("fi a b c", SVC_USAGE, PARSE("fi", "a", "b", "c"));
}

static void status_sysctl_and_shutdown(void)
{
	expect_eq_int("status", 0, PARSE("status"));
	expect_eq_int("request", RS_STATUS, cmd.request);
	expect_str_eq("no label", "", cmd.label);
	expect_eq_int("status hello", 0, PARSE("status", "hello"));
	expect_str_eq("label", "hello", cmd.label);
	expect_eq_int("sysctl", 0, PARSE("sysctl", "upd_run"));
	expect_eq_int("sysctl request", RS_SYSCTL, cmd.request);
	expect_eq_int("subtype", RS_SYSCTL_UPD_RUN, cmd.subtype);
	expect_eq_int("sysctl bogus", SVC_USAGE, PARSE("sysctl", "bogus"));
	expect_eq_int("shutdown", 0, PARSE("shutdown"));
	expect_eq_int("shutdown request", RS_SHUTDOWN, cmd.request);
	expect_eq_int("shutdown x", SVC_USAGE, PARSE("shutdown", "x"));
}

static void bad_command_lines_are_usage_errors(void)
{
	expect_eq_int("nothing", SVC_USAGE, PARSE(NULL));
	expect_eq_int("bogus", SVC_USAGE, PARSE("bogus"));
	expect_str_eq("bogus message", "bogus: unknown command", err);
	expect_eq_int("relative binary", SVC_USAGE, PARSE("up", "hello"));
	expect_eq_int("no binary", SVC_USAGE, PARSE("up"));
	expect_eq_int("unknown option", SVC_USAGE,
		      PARSE("up", "/service/hello", "-colour", "red"));
	expect_eq_int("missing value", SVC_USAGE,
		      PARSE("up", "/service/hello", "-label"));
	expect_eq_int("twice", SVC_USAGE,
		      PARSE("up", "/service/hello", "-label", "a", "-label",
			    "b"));
	expect_eq_int("long label", SVC_USAGE,
		      PARSE("up", "/service/hello", "-label",
			    "sixteen_chars_xx"));
	expect_eq_int("bad label chars", SVC_USAGE, PARSE("down", "a b"));
	expect_eq_int("major 256", SVC_USAGE,
		      PARSE("up", "/service/hello", "-major", "256"));
	expect_eq_int("negative restarts", SVC_USAGE,
		      PARSE("up", "/service/hello", "-restarts", "-1"));
	expect_eq_int("relative script", SVC_USAGE,
		      PARSE("up", "/service/hello", "-script", "x.sh"));
	expect_eq_int("status two labels", SVC_USAGE,
		      PARSE("status", "a", "b"));
	expect_true("usage names every verb",
		    strstr(svc_usage(), "(down|refresh|restart|clone|unclone|"
					"fi|lookup)") != NULL);
}

static void long_args_are_refused(void)
{
	char args[RS_ARGS_LEN + 1];

	memset(args, 'a', sizeof(args) - 1);
	args[sizeof(args) - 1] = '\0';
	expect_eq_int("args", SVC_USAGE,
		      PARSE("up", "/service/hello", "-args", args));
	args[RS_ARGS_LEN - 1] = '\0';
	expect_eq_int("args that fit", 0,
		      PARSE("up", "/service/hello", "-args", args));
}

/* ---- status.c ---- */

static void flag_string_shows_each_letter_in_place(void)
{
	struct rs_status st;
	char out[SVC_FLAGS_LEN];

	memset(&st, 0, sizeof(st));
	svc_flag_string(&st, out);
	expect_str_eq("none", "---------", out);
	st.flags = RS_ACTIVE | RS_UPDATING | RS_EXITING | RS_NOPINGREPLY;
	st.sys_flags = SF_USE_COPY | SF_USE_REPL | SF_NEED_COPY | SF_NEED_REPL |
		       SF_CORE_SRV;
	svc_flag_string(&st, out);
	expect_str_eq("all", "AUENCRcrs", out);
	st.flags = RS_ACTIVE | RS_IN_USE;
	st.sys_flags = SF_CORE_SRV | SF_NORESTART;
	svc_flag_string(&st, out);
	expect_str_eq("active core", "A-------s", out);
	st.flags = RS_NOPINGREPLY;
	st.sys_flags = SF_NEED_COPY;
	svc_flag_string(&st, out);
	expect_str_eq("N and c", "---N--c--", out);
}

static void status_line_has_every_column(void)
{
	struct rs_status st;
	char line[160];

	memset(&st, 0, sizeof(st));
	strcpy(st.label, "hello");
	st.endpoint = 10;
	st.pid = 12;
	st.restarts = 1;
	st.flags = RS_ACTIVE;
	st.period = 5 * HZ;
	st.crash_ticks = 4217;
	st.recovery_cycles = 1834522;
	svc_status_line(&st, line, sizeof(line));
	expect_str_eq("crashed",
		      "hello 10 12 1 A-------- 5HZ restart 42.17 "
		      "1834522",
		      line);
	st.period = 7;
	st.policy = RS_POLICY_RESET;
	st.crash_ticks = 0;
	st.recovery_cycles = 0;
	svc_status_line(&st, line, sizeof(line));
	expect_str_eq("never crashed", "hello 10 12 1 A-------- 7 reset - -",
		      line);
	st.period = 0;
	svc_status_line(&st, line, sizeof(line));
	expect_str_eq("no period", "hello 10 12 1 A-------- - reset - -", line);
	expect_str_eq("header",
		      "LABEL ENDPOINT PID RESTARTS FLAGS PERIOD POLICY CRASH "
		      "RECOVERY",
		      svc_status_header());
}

static void update_line_shows_the_last_update_or_nothing(void)
{
	struct rs_status st;
	char line[160] = "untouched";

	memset(&st, 0, sizeof(st));
	expect_true("no update: no line",
		    !svc_update_line(&st, line, sizeof(line)));
	expect_str_eq("no update: buffer untouched", "untouched", line);
	st.upd_prepare_cycles = 5;
	st.upd_swap_cycles = 6;
	st.upd_init_cycles = 7;
	st.upd_total_cycles = 100;
	st.upd_blackout_cycles = 20;
	st.upd_result = -EINTR;
	expect_true("an update: a line",
		    svc_update_line(&st, line, sizeof(line)));
	expect_str_eq("every figure",
		      "update: result 4 prepare 5 swap 6 init 7 total 100 "
		      "blackout 20",
		      line);
}

int main(void)
{
	static const struct unit_test tests[] = {
		UNIT_TEST(up_defaults_label_and_progname_to_basename),
		UNIT_TEST(up_options_fill_rs_start),
		UNIT_TEST(period_nhz_means_n_times_hz),
		UNIT_TEST(maxtime_zero_is_sent_as_minus_one),
		UNIT_TEST(state_zero_is_rejected),
		UNIT_TEST(dev_takes_the_major_of_a_device_node),
		UNIT_TEST(dev_rejects_a_file_and_a_missing_node),
		UNIT_TEST(flags_set_their_rss_bits),
		UNIT_TEST(run_is_up_without_restart),
		UNIT_TEST(update_self_needs_a_label_and_sends_self),
		UNIT_TEST(edit_needs_a_label),
		UNIT_TEST(label_verbs_map_to_their_requests),
		UNIT_TEST(fi_takes_an_optional_fault_type),
		UNIT_TEST(status_sysctl_and_shutdown),
		UNIT_TEST(bad_command_lines_are_usage_errors),
		UNIT_TEST(long_args_are_refused),
		UNIT_TEST(flag_string_shows_each_letter_in_place),
		UNIT_TEST(status_line_has_every_column),
		UNIT_TEST(update_line_shows_the_last_update_or_nothing),
	};
	return unit_run(tests, UNIT_COUNT(tests));
}

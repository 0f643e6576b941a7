// SPDX-License-Identifier: BSD-2-Clause
/*
 * The service command line (MINIX syntax, minix-facts §5.1) into a
 * struct svc_cmd: the verb, the RS request it becomes, and for up, run,
 * edit and update a struct rs_start without privileges (sysconf.c adds
 * those).  Pure: -dev is looked up through the caller's stat function.
 *
 * Interface: svc_parse_args(), svc_usage().
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc.h"

static const char usage_text[] =
	"usage: service [-cnpbqosxyzdef] (up|run|edit|update) <binary|self>\n"
	"         [-label L] [-dev /dev/x] [-major n] [-period ticks|NHZ]\n"
	"         [-script path] [-args \"...\"] [-config file]\n"
	"         [-progname n] [-state n] [-maxtime ticks|NHZ] "
	"[-restarts n]\n"
	"       service (down|refresh|restart|clone|unclone|fi|lookup) "
	"<label>\n"
	"       service fi <label> "
	"[crash|segv|loop|exit|badreply|badreq]\n"
	"       service status [label]\n"
	"       service sysctl (srv_status|upd_start|upd_run|upd_stop|"
	"upd_status)\n"
	"       service shutdown\n";

const char *svc_usage(void)
{
	return usage_text;
}

/* The verbs: what each needs after it, and its request. */
enum verb_kind {
	V_START,
	V_LABEL,
	V_STATUS,
	V_SYSCTL,
	V_NONE
};

static const struct verb {
	const char *name;
	enum verb_kind kind;
	int request;
} verbs[] = {
	{ "up", V_START, RS_UP },	    { "run", V_START, RS_UP },
	{ "edit", V_START, RS_EDIT },	    { "update", V_START, RS_UPDATE },
	{ "down", V_LABEL, RS_DOWN },	    { "refresh", V_LABEL, RS_REFRESH },
	{ "restart", V_LABEL, RS_RESTART }, { "clone", V_LABEL, RS_CLONE },
	{ "unclone", V_LABEL, RS_UNCLONE }, { "fi", V_LABEL, RS_FI },
	{ "lookup", V_LABEL, RS_LOOKUP },   { "status", V_STATUS, RS_STATUS },
	{ "sysctl", V_SYSCTL, RS_SYSCTL },  { "shutdown", V_NONE, RS_SHUTDOWN },
};

static const struct {
	const char *name;
	int32_t subtype;
} sysctls[] = {
	{ "srv_status", RS_SYSCTL_SRV_STATUS },
	{ "upd_start", RS_SYSCTL_UPD_START },
	{ "upd_run", RS_SYSCTL_UPD_RUN },
	{ "upd_stop", RS_SYSCTL_UPD_STOP },
	{ "upd_status", RS_SYSCTL_UPD_STATUS },
};

/* The faults of `service fi`: RS_FI_* (crash without a name). */
static const struct {
	const char *name;
	int32_t subtype;
} faults[] = {
	{ "crash", RS_FI_CRASH },	{ "segv", RS_FI_SEGV },
	{ "loop", RS_FI_LOOP },		{ "exit", RS_FI_EXIT },
	{ "badreply", RS_FI_BADREPLY }, { "badreq", RS_FI_BADREQ },
};

/* The single-letter flags, in usage order. */
static const struct {
	char letter;
	uint32_t flag;
} letters[] = {
	{ 'c', RSS_COPY },
	{ 'n', RSS_NOBLOCK },
	{ 'p', RSS_REPLICA },
	{ 'b', RSS_NO_BIN_EXP },
	{ 'q', RSS_BATCH },
	{ 'o', RSS_PREPARE_ONLY_LU },
	{ 's', RSS_FORCE_SELF_LU },
	{ 'x', RSS_FORCE_INIT_CRASH },
	{ 'y', RSS_FORCE_INIT_FAIL },
	{ 'z', RSS_FORCE_INIT_TIMEOUT },
	{ 'd', RSS_FORCE_INIT_DEFCB },
	{ 'e', RSS_DETACH },
	{ 'f', RSS_NORESTART },
};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Parsing state: the message buffer travels with it. */
struct pstate {
	struct svc_cmd *cmd;
	svc_stat_fn stat_fn;
	char *err;
	size_t errlen;
	unsigned seen; /* OPT_* bits of the options given */
};

static int fail(struct pstate *ps, int result, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Put a message in ps->err and return result. */
static int fail(struct pstate *ps, int result, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ps->err, ps->errlen, fmt, ap);
	va_end(ap);
	return result;
}

/* A label or program name: 1..PROC_NAME_LEN-1 of [A-Za-z0-9_.-]. */
static bool valid_name(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n >= PROC_NAME_LEN)
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_' || *s == '.' ||
		      *s == '-'))
			return false;
	return true;
}

/*
 * A decimal number in [min, max], or with allow_hz "NHZ" meaning N * HZ.
 * Returns true and sets *out.
 */
static bool parse_number(const char *s, bool allow_hz, long min, long max,
			 int32_t *out)
{
	char *end;
	long v;

	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || v > max)
		return false;
	if (allow_hz && strcmp(end, "HZ") == 0) {
		if (v > max / HZ)
			return false;
		v *= HZ;
	} else if (*end != '\0') {
		return false;
	}
	if (v < min)
		return false;
	*out = (int32_t)v;
	return true;
}

/* Copy s into dst (size len) or fail with "what too long". */
static int copy_str(struct pstate *ps, char *dst, size_t len, const char *s,
		    const char *what)
{
	if (strlen(s) >= len)
		return fail(ps, SVC_USAGE, "%s: longer than %zu characters",
			    what, len - 1);
	strcpy(dst, s);
	return 0;
}

/* -dev: the node must be a character or block device. */
static int opt_dev(struct pstate *ps, const char *path)
{
	struct svc_node node = { 0, 0 };
	int r = ps->stat_fn(path, &node);

	if (r < 0)
		return fail(ps, SVC_BADARG, "%s: %s", path, strerror(-r));
	if (node.kind != 'c' && node.kind != 'b')
		return fail(ps, SVC_BADARG,
			    "%s: not a character or block device", path);
	ps->cmd->start.major = node.major;
	return 0;
}

/* The options after the binary: "-name value" pairs. */
enum opt_id {
	OPT_LABEL,
	OPT_DEV,
	OPT_MAJOR,
	OPT_PERIOD,
	OPT_SCRIPT,
	OPT_ARGS,
	OPT_CONFIG,
	OPT_PROGNAME,
	OPT_STATE,
	OPT_MAXTIME,
	OPT_RESTARTS,
};

static const char *const opt_names[] = {
	[OPT_LABEL] = "-label",	      [OPT_DEV] = "-dev",
	[OPT_MAJOR] = "-major",	      [OPT_PERIOD] = "-period",
	[OPT_SCRIPT] = "-script",     [OPT_ARGS] = "-args",
	[OPT_CONFIG] = "-config",     [OPT_PROGNAME] = "-progname",
	[OPT_STATE] = "-state",	      [OPT_MAXTIME] = "-maxtime",
	[OPT_RESTARTS] = "-restarts",
};

/* Apply option id with value v to the command. */
static int apply_opt(struct pstate *ps, enum opt_id id, const char *v)
{
	struct rs_start *s = &ps->cmd->start;
	const char *name = opt_names[id];

	switch (id) {
	case OPT_LABEL:
		if (!valid_name(v))
			return fail(ps, SVC_USAGE,
				    "-label %s: not a valid label", v);
		strcpy(s->label, v);
		return 0;
	case OPT_PROGNAME:
		if (!valid_name(v))
			return fail(ps, SVC_USAGE,
				    "-progname %s: not a valid name", v);
		strcpy(s->progname, v);
		return 0;
	case OPT_DEV:
		if (ps->seen & (1u << OPT_MAJOR))
			return fail(ps, SVC_USAGE,
				    "give -dev or -major, not both");
		return opt_dev(ps, v);
	case OPT_MAJOR:
		if (ps->seen & (1u << OPT_DEV))
			return fail(ps, SVC_USAGE,
				    "give -dev or -major, not both");
		if (!parse_number(v, false, 0, 255, &s->major))
			return fail(ps, SVC_USAGE, "-major %s: want 0..255", v);
		return 0;
	case OPT_PERIOD:
		if (!parse_number(v, true, 1, INT32_MAX, &s->period))
			return fail(ps, SVC_USAGE,
				    "-period %s: want ticks or NHZ, above 0",
				    v);
		return 0;
	case OPT_MAXTIME:
		if (!parse_number(v, true, 0, INT32_MAX, &s->lu_maxtime))
			return fail(ps, SVC_USAGE,
				    "-maxtime %s: want ticks or NHZ", v);
		if (s->lu_maxtime == 0)
			s->lu_maxtime = -1; /* explicit 0: unlimited */
		return 0;
	case OPT_STATE:
		if (!parse_number(v, false, 1, INT32_MAX, &s->lu_state))
			return fail(ps, SVC_USAGE,
				    "-state %s: want a state number above 0",
				    v);
		return 0;
	case OPT_RESTARTS:
		if (!parse_number(v, false, 0, INT32_MAX, &s->restarts))
			return fail(ps, SVC_USAGE,
				    "-restarts %s: want 0 or more", v);
		return 0;
	case OPT_SCRIPT:
		if (v[0] != '/')
			return fail(ps, SVC_USAGE,
				    "-script %s: want an absolute path", v);
		return copy_str(ps, s->script, sizeof(s->script), v, name);
	case OPT_ARGS:
		return copy_str(ps, s->args, sizeof(s->args), v, name);
	case OPT_CONFIG:
		ps->cmd->config = v;
		return 0;
	}
	return fail(ps, SVC_USAGE, "%s: unknown option", name);
}

/* The "-name value" pairs of argv[0..argc). */
static int parse_opts(struct pstate *ps, int argc, char *const argv[])
{
	for (int i = 0; i < argc; i += 2) {
		size_t id = 0;

		while (id < N_OF(opt_names) && strcmp(opt_names[id], argv[i]))
			id++;
		if (id == N_OF(opt_names))
			return fail(ps, SVC_USAGE, "%s: unknown option",
				    argv[i]);
		if (i + 1 >= argc)
			return fail(ps, SVC_USAGE, "%s: needs a value",
				    argv[i]);
		if (ps->seen & (1u << id))
			return fail(ps, SVC_USAGE, "%s given twice", argv[i]);
		int r = apply_opt(ps, (enum opt_id)id, argv[i + 1]);
		if (r < 0)
			return r;
		ps->seen |= 1u << id;
	}
	return 0;
}

/* The last component of path. */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash == NULL ? path : slash + 1;
}

/* up|run|edit|update <binary|self> options... */
static int parse_start(struct pstate *ps, int argc, char *const argv[])
{
	struct svc_cmd *cmd = ps->cmd;
	struct rs_start *s = &cmd->start;
	const char *bin = argv[0];
	int r;

	cmd->with_start = true;
	if (strcmp(bin, RS_CMD_SELF) == 0) {
		if (cmd->request != RS_UPDATE)
			return fail(ps, SVC_USAGE, "only update takes self");
		cmd->self = true;
		s->flags |= RSS_SELF_LU;
		strcpy(s->cmd, RS_CMD_SELF);
	} else {
		if (bin[0] != '/')
			return fail(ps, SVC_USAGE,
				    "%s: the binary needs an absolute path",
				    bin);
		if ((r = copy_str(ps, s->cmd, sizeof(s->cmd), bin, bin)) < 0)
			return r;
		cmd->binary = bin;
	}
	if ((r = parse_opts(ps, argc - 1, argv + 1)) < 0)
		return r;
	if ((cmd->self || cmd->request == RS_EDIT) &&
	    !(ps->seen & (1u << OPT_LABEL)))
		return fail(ps, SVC_USAGE, "%s %s needs -label", cmd->verb,
			    bin);
	if (cmd->self && (ps->seen & (1u << OPT_CONFIG)))
		return fail(ps, SVC_USAGE, "update self reads no -config");
	if (strcmp(cmd->verb, "run") == 0) {
		if (ps->seen & (1u << OPT_SCRIPT))
			return fail(ps, SVC_USAGE, "run takes no -script");
		s->flags |= RSS_NORESTART;
	}
	if (s->progname[0] == '\0') {
		const char *b = cmd->self ? s->label : base_name(bin);
		if (!valid_name(b))
			return fail(ps, SVC_USAGE,
				    "%s: not a valid program name; use "
				    "-progname",
				    b);
		strcpy(s->progname, b);
	}
	if (s->label[0] == '\0')
		strcpy(s->label, s->progname);
	strcpy(cmd->label, s->label);
	return 0;
}

/* The single-letter flags of argv[*i...] (before the verb). */
static int parse_flags(struct pstate *ps, int argc, char *const argv[], int *i)
{
	for (; *i < argc && argv[*i][0] == '-'; (*i)++) {
		const char *a = argv[*i] + 1;
		if (*a == '\0')
			return fail(ps, SVC_USAGE, "-: not a flag");
		for (; *a != '\0'; a++) {
			size_t k = 0;
			while (k < N_OF(letters) && letters[k].letter != *a)
				k++;
			if (k == N_OF(letters))
				return fail(ps, SVC_USAGE, "-%c: unknown flag",
					    *a);
			ps->cmd->start.flags |= letters[k].flag;
		}
	}
	return 0;
}

/* The label argument of down, refresh, ... and status. */
static int set_label(struct pstate *ps, const char *label)
{
	if (!valid_name(label))
		return fail(ps, SVC_USAGE, "%s: not a valid label", label);
	strcpy(ps->cmd->label, label);
	return 0;
}

/* fi <label> [fault]: the fault's RS_FI_* into the subtype. */
static int parse_fi(struct pstate *ps, int argc, char *const argv[])
{
	int r = set_label(ps, argv[0]);

	ps->cmd->subtype = RS_FI_CRASH;
	if (r < 0 || argc == 1)
		return r;
	for (size_t k = 0; k < N_OF(faults); k++) {
		if (strcmp(faults[k].name, argv[1]) == 0) {
			ps->cmd->subtype = faults[k].subtype;
			return 0;
		}
	}
	return fail(ps, SVC_USAGE,
		    "fi: %s: not one of crash, segv, loop, exit, badreply, "
		    "badreq",
		    argv[1]);
}

/* What follows the verb, by its kind; argv[0] is the first argument. */
static int parse_rest(struct pstate *ps, const struct verb *v, int argc,
		      char *const argv[])
{
	switch (v->kind) {
	case V_START:
		if (argc < 1)
			return fail(ps, SVC_USAGE, "%s: needs a binary",
				    v->name);
		return parse_start(ps, argc, argv);
	case V_LABEL:
		if (v->request == RS_FI && (argc == 1 || argc == 2))
			return parse_fi(ps, argc, argv);
		if (argc != 1)
			return fail(ps, SVC_USAGE, "%s: needs one label",
				    v->name);
		return set_label(ps, argv[0]);
	case V_STATUS:
		if (argc > 1)
			return fail(ps, SVC_USAGE, "status: at most one label");
		return argc == 1 ? set_label(ps, argv[0]) : 0;
	case V_SYSCTL:
		for (size_t k = 0; argc == 1 && k < N_OF(sysctls); k++) {
			if (strcmp(sysctls[k].name, argv[0]) == 0) {
				ps->cmd->subtype = sysctls[k].subtype;
				return 0;
			}
		}
		return fail(ps, SVC_USAGE,
			    "sysctl: needs one of srv_status, "
			    "upd_start, upd_run, upd_stop, "
			    "upd_status");
	case V_NONE:
		if (argc != 0)
			return fail(ps, SVC_USAGE, "%s: takes no arguments",
				    v->name);
		return 0;
	}
	return fail(ps, SVC_USAGE, "%s: unknown verb", v->name);
}

int svc_parse_args(int argc, char *const argv[], svc_stat_fn stat_fn,
		   struct svc_cmd *cmd, char *err, size_t errlen)
{
	struct pstate ps = { cmd, stat_fn, err, errlen, 0 };
	const struct verb *v = NULL;
	int i = 1, r;

	memset(cmd, 0, sizeof(*cmd));
	cmd->start.major = -1;
	cmd->start.restarts = -1;
	err[0] = '\0';
	if ((r = parse_flags(&ps, argc, argv, &i)) < 0)
		return r;
	if (i >= argc)
		return fail(&ps, SVC_USAGE, "no command given");
	for (size_t k = 0; k < N_OF(verbs) && v == NULL; k++)
		if (strcmp(verbs[k].name, argv[i]) == 0)
			v = &verbs[k];
	if (v == NULL)
		return fail(&ps, SVC_USAGE, "%s: unknown command", argv[i]);
	cmd->verb = v->name;
	cmd->request = v->request;
	if (v->kind != V_START && cmd->start.flags != 0)
		return fail(&ps, SVC_USAGE, "%s: takes no flags", v->name);
	return parse_rest(&ps, v, argc - i - 1, argv + i + 1);
}

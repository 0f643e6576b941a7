/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The service command's modules: argument parsing (parse.c), the
 * /etc/system.conf reader (sysconf.c) and the `service status` line
 * (status.c) are pure and unit tested on the host; service.c is main and
 * the file reading; rsreq_axo.c sends a request to RS (rsreq_host.c is
 * the host build's stand-in with canned answers).
 */
#ifndef SVC_H
#define SVC_H

#include <stdbool.h>
#include <stddef.h>

#include <axo/rs.h> /* first: msg_rs.h needs its PROC_NAME_LEN */
#include <axo/msg_rs.h>

/* Results of the parsers besides 0 (both exit 1). */
#define SVC_USAGE	(-1) /* bad syntax: print err, then the usage text */
#define SVC_BADARG	(-2) /* a well-formed but wrong argument: print err */
#define SYSCONF_ERR	(-1) /* the file is wrong: err is "FILE:LINE: what" */
#define SYSCONF_NOENTRY (-2) /* no entry for the program */

#define SVC_ERR_LEN 160 /* room for any message of the parsers */

/* What the command line asks for. */
struct svc_cmd {
	int request;		   /* RS_* */
	const char *verb;	   /* as typed */
	bool with_start;	   /* the request carries `start` */
	bool self;		   /* update self */
	char label[PROC_NAME_LEN]; /* RS's rs_req.label; "" for none */
	int32_t subtype;	   /* RS_SYSCTL_* */
	const char *binary;	   /* the file to read, NULL for none */
	const char *config;	   /* -config, NULL: look it up */
	struct rs_start start;	   /* up, run, edit, update */
};

/* What svc_stat_fn reports about a -dev node. */
struct svc_node {
	char kind; /* 'c' character device, 'b' block device, 0 other */
	int major;
};

/* Stat path into *out; 0, or -errno (e.g. -ENOENT) if it cannot. */
typedef int (*svc_stat_fn)(const char *path, struct svc_node *out);

/*
 * Parse argv (argv[0] is the program name) into *cmd, using stat_fn for
 * -dev.  Returns 0, or SVC_USAGE / SVC_BADARG with a one-line message in
 * err (no "service: " prefix).  *cmd is only meaningful on 0.
 */
int svc_parse_args(int argc, char *const argv[], svc_stat_fn stat_fn,
		   struct svc_cmd *cmd, char *err, size_t errlen);

/* The usage text, several lines ending in a newline. */
const char *svc_usage(void);

/*
 * Parse system.conf text (NUL-terminated; file names it in messages) and
 * set the privileges of rs (uid, ipc, k_calls, vm_calls, irq, io and the
 * flags RSS_SYS_BASIC_CALLS, RSS_IRQ_ALL, RSS_IO_ALL) from the entry of
 * progname.  Every entry is checked.  Returns 0; SYSCONF_ERR or
 * SYSCONF_NOENTRY with a message in err, rs unchanged.
 */
int sysconf_parse(const char *text, const char *file, const char *progname,
		  struct rs_start *rs, char *err, size_t errlen);

/* MINIX's 9-letter flag string of st ("AUENCRcrs", '-' when not set). */
#define SVC_FLAGS_LEN 10
void svc_flag_string(const struct rs_status *st, char out[SVC_FLAGS_LEN]);

/* The header of `service status`, without a newline. */
const char *svc_status_header(void);

/* One line of `service status` for st, without a newline, in buf. */
void svc_status_line(const struct rs_status *st, char *buf, size_t len);
/* The line about st's last live update; false if it had none. */
bool svc_update_line(const struct rs_status *st, char *buf, size_t len);

/*
 * Send request (RS_*) with *req to RS and wait; req->addr and req->len
 * are set from buf and len (NULL, 0: none).  Returns the reply's m_type
 * (>= 0) with the reply payload in *req, or -1 with errno set.
 */
int svc_rs_call(int request, struct rs_req_msg *req, void *buf, size_t len);

#endif

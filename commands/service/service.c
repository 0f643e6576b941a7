// SPDX-License-Identifier: BSD-2-Clause
/*
 * service: control the services RS runs (MINIX's service tool,
 * minix-facts §5.1).  Parses the command line (parse.c), for up, run,
 * edit and update reads the binary and the privileges from system.conf
 * (sysconf.c: -config FILE, else /etc/system.conf.d/<progname>, else
 * /etc/system.conf), sends one request to RS and reports its answer.
 * `service status` prints the table of status.c.
 *
 * Exit status: 0 on success; 1 for a bad command line, an unreadable
 * file or a wrong system.conf (nothing is sent then); otherwise the
 * positive errno of RS's answer, with one line "service: NAME: error" on
 * stderr.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <axo/msg_vfs.h>

#include "svc.h"

#define CONF_DIR   "/etc/system.conf.d/"
#define CONF_FILE  "/etc/system.conf"
#define CONF_MAX   (64u * 1024) /* largest system.conf read */
#define STATUS_MAX NR_SYS_PROCS /* services RS can run */

/* -dev's stat: the node's kind and the major of its device number. */
static int node_stat(const char *path, struct svc_node *out)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return -errno;
	out->kind = S_ISCHR(st.st_mode) ? 'c' : S_ISBLK(st.st_mode) ? 'b' : 0;
	out->major = (int)VFS_MAJOR((uint32_t)st.st_rdev);
	return 0;
}

/*
 * Read regular file path (at most max bytes) into a new NUL-terminated
 * buffer, *len its size.  Returns NULL with a message on stderr.
 */
static char *read_file(const char *path, size_t max, size_t *len)
{
	struct stat st;
	char *buf;
	FILE *f;

	if (stat(path, &st) < 0 || (f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "service: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	if (!S_ISREG(st.st_mode) || (size_t)st.st_size > max) {
		fprintf(stderr, "service: %s: %s\n", path,
			S_ISREG(st.st_mode) ? "file too large" :
					      "not a regular file");
		fclose(f);
		return NULL;
	}
	*len = (size_t)st.st_size;
	if ((buf = malloc(*len + 1)) == NULL ||
	    fread(buf, 1, *len, f) != *len) {
		fprintf(stderr, "service: %s: cannot read it\n", path);
		free(buf);
		fclose(f);
		return NULL;
	}
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

/* The system.conf to read: -config, the drop-in, or the main file. */
static const char *config_path(const struct svc_cmd *cmd, char *buf, size_t len)
{
	struct stat st;

	if (cmd->config != NULL)
		return cmd->config;
	snprintf(buf, len, "%s%s", CONF_DIR, cmd->start.progname);
	return stat(buf, &st) == 0 ? buf : CONF_FILE;
}

/* Privileges from system.conf into cmd->start; 0, or 1 (reported). */
static int load_privileges(struct svc_cmd *cmd)
{
	char pathbuf[sizeof(CONF_DIR) + PROC_NAME_LEN], err[SVC_ERR_LEN];
	const char *path = config_path(cmd, pathbuf, sizeof(pathbuf));
	size_t len;
	char *text = read_file(path, CONF_MAX, &len);
	int r;

	if (text == NULL)
		return 1;
	if (strlen(text) != len) {
		fprintf(stderr, "service: %s: not a text file\n", path);
		free(text);
		return 1;
	}
	r = sysconf_parse(text, path, cmd->start.progname, &cmd->start, err,
			  sizeof(err));
	free(text);
	if (r < 0) {
		fprintf(stderr, "service: %s\n", err);
		return 1;
	}
	return 0;
}

/* The name an error line starts with. */
static const char *subject(const struct svc_cmd *cmd)
{
	if (cmd->binary != NULL)
		return cmd->binary;
	return cmd->label[0] != '\0' ? cmd->label : cmd->verb;
}

/* Codes of <axo/errno.h> that only RS gives; libc has no message. */
enum {
	RS_ERESTART = 200,
	RS_EGENERIC = 204,
	RS_EDEADEPT = 215
};

/* The message for err, including the codes only RS gives. */
static const char *error_text(int err)
{
	switch (err) {
	case RS_ERESTART:
		return "service restarted";
	case RS_EGENERIC:
		return "generic failure";
	case RS_EDEADEPT:
		return "dead endpoint";
	default:
		return strerror(err);
	}
}

/* Report a failed request; the exit status is its errno. */
static int report(const struct svc_cmd *cmd, int err)
{
	fprintf(stderr, "service: %s: %s\n", subject(cmd), error_text(err));
	return err > 0 && err < 256 ? err : 1;
}

/* service status [label]: RS's table, one line per service. */
static int do_status(struct svc_cmd *cmd)
{
	static struct rs_status table[STATUS_MAX];
	struct rs_req_msg req;
	char line[160];
	int n;

	memset(&req, 0, sizeof(req));
	memcpy(req.label, cmd->label, sizeof(req.label));
	if ((n = svc_rs_call(RS_STATUS, &req, table, sizeof(table))) < 0)
		return report(cmd, errno);
	if (n > STATUS_MAX)
		n = STATUS_MAX;
	if (cmd->label[0] != '\0' && n == 0)
		return report(cmd, ESRCH);
	puts(svc_status_header());
	for (int i = 0; i < n; i++) {
		svc_status_line(&table[i], line, sizeof(line));
		puts(line);
	}
	if (cmd->label[0] != '\0' && n == 1 &&
	    svc_update_line(&table[0], line, sizeof(line)))
		puts(line);
	return 0;
}

/* Every other request: one message, with the rs_start if it has one. */
static int do_request(struct svc_cmd *cmd)
{
	struct rs_req_msg req;
	char *exec = NULL;
	size_t exec_len = 0;
	int r;

	if (cmd->with_start && !cmd->self && load_privileges(cmd) != 0)
		return 1;
	if (cmd->binary != NULL) {
		if ((exec = read_file(cmd->binary, RS_EXEC_MAX, &exec_len)) ==
		    NULL)
			return 1;
		cmd->start.exec = (vir_bytes)(uintptr_t)exec;
		cmd->start.exec_len = (uint32_t)exec_len;
	}
	memset(&req, 0, sizeof(req));
	memcpy(req.label, cmd->label, sizeof(req.label));
	req.subtype = cmd->subtype;
	if (cmd->with_start)
		r = svc_rs_call(cmd->request, &req, &cmd->start,
				sizeof(cmd->start));
	else
		r = svc_rs_call(cmd->request, &req, NULL, 0);
	free(exec);
	if (r < 0)
		return report(cmd, errno);
	if (cmd->request == RS_LOOKUP)
		printf("%d\n", (int)req.endpoint);
	return 0;
}

int main(int argc, char **argv)
{
	static struct svc_cmd cmd;
	char err[SVC_ERR_LEN];
	int r = svc_parse_args(argc, argv, node_stat, &cmd, err, sizeof(err));

	if (r < 0) {
		fprintf(stderr, "service: %s\n", err);
		if (r == SVC_USAGE)
			fputs(svc_usage(), stderr);
		return 1;
	}
	if (cmd.request == RS_STATUS)
		return do_status(&cmd);
	return do_request(&cmd);
}

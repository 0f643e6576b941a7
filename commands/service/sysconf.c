// SPDX-License-Identifier: BSD-2-Clause
/*
 * /etc/system.conf in MINIX's format (minix-facts §5.2):
 *
 *	service <progname> {
 *		<key> <value> ...;	# comment
 *		...
 *	};
 *
 * Keys: uid (a number); ipc (ALL, ALL_SYS, or labels with SYSTEM and
 * USER); system (ALL, BASIC, NONE or kernel-call names without SYS_);
 * vm (ALL, BASIC, NONE or VM call names without VM_); io (ALL, NONE or
 * hex base[:len]); irq (ALL, NONE or numbers).  sigmgr, scheduler,
 * priority, quantum, cpu, control, descr and type are accepted and
 * ignored.  Every entry of the file is checked; a mistake anywhere is
 * "FILE:LINE: what".
 *
 * Defaults, before an entry's keys: uid 0, ipc ALL_SYS, the basic kernel
 * calls (RSS_SYS_BASIC_CALLS), the basic VM calls (those every process
 * may make: BRK MMAP MUNMAP INFO BOOT_FILE), no IRQs, no ports.  Naming
 * kernel or VM calls keeps the basic ones, as in MINIX; NONE drops
 * them too.
 *
 * Interface: sysconf_parse() (svc.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <axo/msg_vm.h>

#include "svc.h"

#define TOKEN_LEN  64 /* longest word or string */
#define MAX_VALUES 48 /* values of one key */
#define N_OF(a)	   (sizeof(a) / sizeof((a)[0]))

enum tok_kind {
	T_EOF,
	T_WORD,
	T_STRING,
	T_LBRACE,
	T_RBRACE,
	T_SEMI
};

struct token {
	enum tok_kind kind;
	int line;
	char text[TOKEN_LEN];
};

/* The reader: position in the text and where errors go. */
struct reader {
	const char *p;
	int line;
	const char *file;
	char *err;
	size_t errlen;
};

static int fail(struct reader *rd, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* "FILE:LINE: what" into rd->err; returns SYSCONF_ERR. */
static int fail(struct reader *rd, int line, const char *fmt, ...)
{
	char what[SVC_ERR_LEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	snprintf(rd->err, rd->errlen, "%s:%d: %s", rd->file, line, what);
	return SYSCONF_ERR;
}

/* Skip blanks, newlines and comments. */
static void skip_space(struct reader *rd)
{
	for (;;) {
		char c = *rd->p;
		if (c == '\n') {
			rd->line++;
			rd->p++;
		} else if (c == ' ' || c == '\t' || c == '\r') {
			rd->p++;
		} else if (c == '#') {
			while (*rd->p != '\0' && *rd->p != '\n')
				rd->p++;
		} else {
			return;
		}
	}
}

static bool word_char(char c)
{
	return c != '\0' && c != ' ' && c != '\t' && c != '\r' && c != '\n' &&
	       c != '{' && c != '}' && c != ';' && c != '#' && c != '"';
}

/* A "string": no newline inside. */
static int read_string(struct reader *rd, struct token *t)
{
	size_t n = 0;

	rd->p++;
	while (*rd->p != '"') {
		if (*rd->p == '\0' || *rd->p == '\n')
			return fail(rd, t->line, "unterminated string");
		if (n + 1 >= TOKEN_LEN)
			return fail(rd, t->line, "string too long");
		t->text[n++] = *rd->p++;
	}
	rd->p++;
	t->text[n] = '\0';
	t->kind = T_STRING;
	return 0;
}

/* The next token into *t; 0 or SYSCONF_ERR. */
static int next_token(struct reader *rd, struct token *t)
{
	static const char punct[] = "{};";
	static const enum tok_kind kinds[] = { T_LBRACE, T_RBRACE, T_SEMI };
	const char *pc;
	size_t n = 0;

	skip_space(rd);
	t->line = rd->line;
	t->text[0] = '\0';
	if (*rd->p == '\0') {
		t->kind = T_EOF;
		return 0;
	}
	if ((pc = strchr(punct, *rd->p)) != NULL) {
		t->kind = kinds[pc - punct];
		t->text[0] = *rd->p++;
		t->text[1] = '\0';
		return 0;
	}
	if (*rd->p == '"')
		return read_string(rd, t);
	while (word_char(*rd->p)) {
		if (n + 1 >= TOKEN_LEN)
			return fail(rd, t->line, "word too long");
		t->text[n++] = *rd->p++;
	}
	t->text[n] = '\0';
	t->kind = T_WORD;
	return 0;
}

/* The values of one key, up to its ';'. */
struct values {
	int n;
	int line; /* of the key */
	struct token v[MAX_VALUES];
};

/* ---- the keys ---- */

typedef int (*key_fn)(struct reader *rd, const struct values *vals,
		      struct rs_start *rs);

static bool is(const struct values *vals, const char *word)
{
	return vals->n == 1 && strcmp(vals->v[0].text, word) == 0;
}

/* One decimal number in [0, max] into *out. */
static bool decimal(const char *s, unsigned long max, unsigned long *out)
{
	char *end;

	if (*s < '0' || *s > '9')
		return false;
	*out = strtoul(s, &end, 10);
	return *end == '\0' && *out <= max;
}

static int key_uid(struct reader *rd, const struct values *vals,
		   struct rs_start *rs)
{
	unsigned long uid;

	if (vals->n != 1 || !decimal(vals->v[0].text, 0x7fffffff, &uid))
		return fail(rd, vals->line, "uid: want one number");
	rs->uid = (uint32_t)uid;
	return 0;
}

/* A label in an ipc list: [A-Za-z0-9_.-], shorter than PROC_NAME_LEN. */
static bool ipc_name(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n >= PROC_NAME_LEN)
		return false;
	return strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			 "0123456789_.-") == n;
}

static int key_ipc(struct reader *rd, const struct values *vals,
		   struct rs_start *rs)
{
	char list[RS_IPC_LEN] = "";
	size_t used = 0;

	for (int i = 0; i < vals->n; i++) {
		const struct token *t = &vals->v[i];
		bool all = !strcmp(t->text, "ALL") ||
			   !strcmp(t->text, "ALL_SYS");
		if (all && vals->n != 1)
			return fail(rd, t->line, "ipc: %s must stand alone",
				    t->text);
		if (t->kind != T_WORD || !ipc_name(t->text))
			return fail(rd, t->line, "ipc: '%s' is not a label",
				    t->text);
		size_t n = strlen(t->text) + (used > 0);
		if (used + n >= sizeof(list))
			return fail(rd, t->line, "ipc: list longer than %zu",
				    sizeof(list) - 1);
		snprintf(list + used, sizeof(list) - used, "%s%s",
			 used > 0 ? " " : "", t->text);
		used += n;
	}
	if (vals->n == 0)
		return fail(rd, vals->line, "ipc: needs a value");
	memcpy(rs->ipc, list, sizeof(list));
	return 0;
}

/* The kernel calls by name, from the one list in <axo/kcall.h>. */
static const struct call_name {
	const char *name;
	int nr;
} kcall_names[] = {
#define KCALL_NAME(name, off, fn) { #name, KERNEL_CALL + (off) },
	KCALL_LIST(KCALL_NAME)
#undef KCALL_NAME
};

/* The VM calls by name (<axo/msg_vm.h>). */
static const struct call_name vm_names[] = {
	{ "FORK", VM_FORK },	       { "EXEC", VM_EXEC },
	{ "EXIT", VM_EXIT },	       { "BRK", VM_BRK },
	{ "MMAP", VM_MMAP },	       { "MUNMAP", VM_MUNMAP },
	{ "INFO", VM_INFO },	       { "UPDATE", VM_UPDATE },
	{ "BOOT_FILE", VM_BOOT_FILE }, { "EXEC_FILE", VM_EXEC_FILE },
};
_Static_assert(N_OF(vm_names) == VM_NR_CALLS, "a VM call without a name");

#define VM_BIT(call) (1u << ((call)-VM_RQ_BASE))
#define VM_BASIC_MASK \
	(VM_BIT(VM_BRK) | VM_BIT(VM_MMAP) | VM_BIT(VM_MUNMAP) | \
	 VM_BIT(VM_INFO) | VM_BIT(VM_BOOT_FILE))

static int find_call(const struct call_name *names, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i].name, s) == 0)
			return names[i].nr;
	return -1;
}

static int key_system(struct reader *rd, const struct values *vals,
		      struct rs_start *rs)
{
	uint32_t mask[KCALL_MASK_WORDS] = { 0 };
	uint32_t flags = RSS_SYS_BASIC_CALLS;

	if (is(vals, "NONE")) {
		flags = 0;
	} else if (is(vals, "ALL")) {
		for (size_t i = 0; i < N_OF(kcall_names); i++)
			priv_mask_set(mask, kcall_names[i].nr - KERNEL_CALL);
	} else if (!is(vals, "BASIC")) {
		if (vals->n == 0)
			return fail(rd, vals->line, "system: needs a value");
		for (int i = 0; i < vals->n; i++) {
			const char *s = vals->v[i].text;
			int nr = find_call(kcall_names, N_OF(kcall_names), s);
			if (nr < 0)
				return fail(rd, vals->v[i].line,
					    "system: unknown kernel call '%s'",
					    s);
			priv_mask_set(mask, nr - KERNEL_CALL);
		}
	}
	memcpy(rs->k_calls, mask, sizeof(mask));
	rs->flags = (rs->flags & ~RSS_SYS_BASIC_CALLS) | flags;
	return 0;
}

static int key_vm(struct reader *rd, const struct values *vals,
		  struct rs_start *rs)
{
	uint32_t mask = VM_BASIC_MASK;

	if (is(vals, "NONE")) {
		mask = 0;
	} else if (is(vals, "ALL")) {
		mask = VM_BIT(VM_RQ_BASE + VM_NR_CALLS) - 1;
	} else if (!is(vals, "BASIC")) {
		if (vals->n == 0)
			return fail(rd, vals->line, "vm: needs a value");
		for (int i = 0; i < vals->n; i++) {
			const char *s = vals->v[i].text;
			int nr = find_call(vm_names, N_OF(vm_names), s);
			if (nr < 0)
				return fail(rd, vals->v[i].line,
					    "vm: unknown VM call '%s'", s);
			mask |= VM_BIT(nr);
		}
	}
	rs->vm_calls = mask;
	return 0;
}

/* A hex number (0x optional) in [0, 0xffff]. */
static bool hex_port(const char *s, unsigned long *out)
{
	char *end;

	if (*s == '\0' || strchr("0123456789abcdefABCDEF", *s) == NULL)
		return false;
	*out = strtoul(s, &end, 16);
	return *end == '\0' && *out <= 0xffff;
}

/* One io entry, hex base[:len], into *range. */
static int io_entry(struct reader *rd, const struct token *t,
		    struct io_range *range)
{
	char base[TOKEN_LEN];
	const char *colon = strchr(t->text, ':');
	unsigned long b, len = 1;

	snprintf(base, sizeof(base), "%.*s",
		 (int)(colon ? (size_t)(colon - t->text) : strlen(t->text)),
		 t->text);
	if (!hex_port(base, &b) || (colon && !hex_port(colon + 1, &len)) ||
	    len == 0 || b + len - 1 > 0xffff)
		return fail(rd, t->line,
			    "io: '%s' is not hex base[:len] within 0..ffff",
			    t->text);
	range->base = (uint32_t)b;
	range->limit = (uint32_t)(b + len - 1);
	return 0;
}

static int key_io(struct reader *rd, const struct values *vals,
		  struct rs_start *rs)
{
	struct io_range io[NR_IO_RANGE];
	int n = 0;

	if (is(vals, "ALL") || is(vals, "NONE")) {
		rs->flags = (rs->flags & ~RSS_IO_ALL) |
			    (is(vals, "ALL") ? RSS_IO_ALL : 0);
		rs->nr_io = 0;
		return 0;
	}
	if (vals->n == 0)
		return fail(rd, vals->line, "io: needs a value");
	if (vals->n > NR_IO_RANGE)
		return fail(rd, vals->line, "io: more than %d ranges",
			    NR_IO_RANGE);
	for (; n < vals->n; n++)
		if (io_entry(rd, &vals->v[n], &io[n]) < 0)
			return SYSCONF_ERR;
	rs->flags &= ~RSS_IO_ALL;
	rs->nr_io = n;
	memcpy(rs->io, io, sizeof(io[0]) * (size_t)n);
	return 0;
}

static int key_irq(struct reader *rd, const struct values *vals,
		   struct rs_start *rs)
{
	int32_t irq[NR_IRQ_PER_PRIV];
	unsigned long v;

	if (is(vals, "ALL") || is(vals, "NONE")) {
		rs->flags = (rs->flags & ~RSS_IRQ_ALL) |
			    (is(vals, "ALL") ? RSS_IRQ_ALL : 0);
		rs->nr_irq = 0;
		return 0;
	}
	if (vals->n == 0)
		return fail(rd, vals->line, "irq: needs a value");
	if (vals->n > NR_IRQ_PER_PRIV)
		return fail(rd, vals->line, "irq: more than %d lines",
			    NR_IRQ_PER_PRIV);
	for (int i = 0; i < vals->n; i++) {
		if (!decimal(vals->v[i].text, NR_IRQ_VECTORS - 1, &v))
			return fail(rd, vals->v[i].line,
				    "irq: '%s' is not 0..%d", vals->v[i].text,
				    NR_IRQ_VECTORS - 1);
		irq[i] = (int32_t)v;
	}
	rs->flags &= ~RSS_IRQ_ALL;
	rs->nr_irq = vals->n;
	memcpy(rs->irq, irq, sizeof(irq[0]) * (size_t)vals->n);
	return 0;
}

/* Accepted for MINIX compatibility; RS decides these itself. */
static int key_ignored(struct reader *rd, const struct values *vals,
		       struct rs_start *rs)
{
	(void)rd;
	(void)vals;
	(void)rs;
	return 0;
}

static const struct {
	const char *name;
	key_fn fn;
} keys[] = {
	{ "uid", key_uid },
	{ "ipc", key_ipc },
	{ "system", key_system },
	{ "vm", key_vm },
	{ "io", key_io },
	{ "irq", key_irq },
	{ "sigmgr", key_ignored },
	{ "scheduler", key_ignored },
	{ "priority", key_ignored },
	{ "quantum", key_ignored },
	{ "cpu", key_ignored },
	{ "control", key_ignored },
	{ "descr", key_ignored },
	{ "type", key_ignored },
};

static int find_key(const char *name)
{
	for (size_t i = 0; i < N_OF(keys); i++)
		if (strcmp(keys[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* ---- entries ---- */

/* The privileges before an entry's keys. */
static void defaults(struct rs_start *rs)
{
	memset(rs, 0, sizeof(*rs));
	rs->flags = RSS_SYS_BASIC_CALLS;
	rs->vm_calls = VM_BASIC_MASK;
	strcpy(rs->ipc, "ALL_SYS");
}

/* The values after a key up to its ';'. */
static int read_values(struct reader *rd, const struct token *key,
		       struct values *vals)
{
	struct token t;

	vals->n = 0;
	vals->line = key->line;
	for (;;) {
		if (next_token(rd, &t) < 0)
			return SYSCONF_ERR;
		if (t.kind == T_SEMI)
			return 0;
		if (t.kind != T_WORD && t.kind != T_STRING)
			return fail(rd, t.line, "missing ';' after %s",
				    key->text);
		if (t.kind == T_WORD && t.line != key->line &&
		    find_key(t.text) >= 0)
			return fail(rd, t.line, "missing ';' before %s",
				    t.text);
		if (vals->n == MAX_VALUES)
			return fail(rd, t.line, "%s: more than %d values",
				    key->text, MAX_VALUES);
		vals->v[vals->n++] = t;
	}
}

/* The keys of one entry, after its '{', up to and with "};". */
static int read_body(struct reader *rd, struct rs_start *rs)
{
	static struct values vals; /* large: not on the stack */
	struct token t;
	int k;

	for (;;) {
		if (next_token(rd, &t) < 0)
			return SYSCONF_ERR;
		if (t.kind == T_RBRACE)
			break;
		if (t.kind != T_WORD)
			return fail(rd, t.line, "expected a key or '}', got %s",
				    t.kind == T_EOF ? "the end" : t.text);
		if ((k = find_key(t.text)) < 0)
			return fail(rd, t.line, "unknown key '%s'", t.text);
		if (read_values(rd, &t, &vals) < 0 ||
		    keys[k].fn(rd, &vals, rs) < 0)
			return SYSCONF_ERR;
	}
	if (next_token(rd, &t) < 0)
		return SYSCONF_ERR;
	if (t.kind != T_SEMI)
		return fail(rd, t.line, "missing ';' after '}'");
	return 0;
}

/* One "service NAME { ... };" into *rs, its name into name. */
static int read_entry(struct reader *rd, const struct token *first,
		      char name[PROC_NAME_LEN], struct rs_start *rs)
{
	struct token t;

	if (first->kind != T_WORD || strcmp(first->text, "service") != 0)
		return fail(rd, first->line, "expected 'service', got '%s'",
			    first->text);
	if (next_token(rd, &t) < 0)
		return SYSCONF_ERR;
	if (t.kind != T_WORD || !ipc_name(t.text))
		return fail(rd, t.line, "'%s' is not a service name", t.text);
	strcpy(name, t.text);
	if (next_token(rd, &t) < 0)
		return SYSCONF_ERR;
	if (t.kind != T_LBRACE)
		return fail(rd, t.line, "expected '{' after service %s", name);
	defaults(rs);
	return read_body(rd, rs);
}

/* Copy the privileges sysconf decides from src to dst. */
static void copy_privileges(struct rs_start *dst, const struct rs_start *src)
{
	const uint32_t mine = RSS_SYS_BASIC_CALLS | RSS_IRQ_ALL | RSS_IO_ALL;

	dst->flags = (dst->flags & ~mine) | (src->flags & mine);
	dst->uid = src->uid;
	memcpy(dst->ipc, src->ipc, sizeof(dst->ipc));
	memcpy(dst->k_calls, src->k_calls, sizeof(dst->k_calls));
	dst->vm_calls = src->vm_calls;
	dst->nr_irq = src->nr_irq;
	memcpy(dst->irq, src->irq, sizeof(dst->irq));
	dst->nr_io = src->nr_io;
	memcpy(dst->io, src->io, sizeof(dst->io));
}

int sysconf_parse(const char *text, const char *file, const char *progname,
		  struct rs_start *rs, char *err, size_t errlen)
{
	struct reader rd = { text, 1, file, err, errlen };
	struct rs_start cur, found;
	char name[PROC_NAME_LEN];
	int found_line = 0;
	struct token t;

	for (;;) {
		if (next_token(&rd, &t) < 0)
			return SYSCONF_ERR;
		if (t.kind == T_EOF)
			break;
		if (read_entry(&rd, &t, name, &cur) < 0)
			return SYSCONF_ERR;
		if (strcmp(name, progname) != 0)
			continue;
		if (found_line != 0)
			return fail(&rd, t.line,
				    "service %s given twice (first on line %d)",
				    name, found_line);
		found = cur;
		found_line = t.line;
	}
	if (found_line == 0) {
		snprintf(err, errlen, "%s: no entry for service %s", file,
			 progname);
		return SYSCONF_NOENTRY;
	}
	copy_privileges(rs, &found);
	return 0;
}

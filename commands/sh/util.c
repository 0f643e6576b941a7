// SPDX-License-Identifier: BSD-2-Clause
/*
 * sh: memory helpers, string vectors and byte buffers.  Running out of
 * memory ends the shell with status 2 and a message.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

static void out_of_memory(void)
{
	fputs("sh: out of memory\n", stderr);
	exit(2);
}

/* malloc that never returns NULL. */
void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

/* realloc that never returns NULL. */
void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		out_of_memory();
	return q;
}

/* A fresh copy of s. */
char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* A fresh NUL-terminated copy of the first n bytes of s. */
char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Append s (ownership passes to sv); keeps v NULL-terminated. */
void strvec_push(struct strvec *sv, char *s)
{
	if (sv->n + 2 > sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 8;
		sv->v = xrealloc(sv->v, sv->cap * sizeof(*sv->v));
	}
	sv->v[sv->n++] = s;
	sv->v[sv->n] = NULL;
}

/* Free every string and the vector; sv is empty afterwards. */
void strvec_free(struct strvec *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

/* Append one byte. */
void buf_addc(struct buf *b, char c)
{
	if (b->len + 2 > b->cap) {
		b->cap = b->cap ? b->cap * 2 : 32;
		b->s = xrealloc(b->s, b->cap);
	}
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

/* Append a string. */
void buf_adds(struct buf *b, const char *s)
{
	while (*s)
		buf_addc(b, *s++);
}

/* The buffer's string (never NULL); b is empty afterwards. */
char *buf_take(struct buf *b)
{
	char *s = b->s ? b->s : xstrdup("");

	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

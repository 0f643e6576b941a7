// SPDX-License-Identifier: BSD-2-Clause
/*
 * sh: the lexer.  lex_line() cuts one line of input into words and
 * operators: | || & && ; (a newline counts as ;), and redirections
 * [n]< [n]> [n]>> [n]>& [n]<&.  A word keeps its quotes and
 * backslashes; expand.c removes them.  '#' at the start of a word begins
 * a comment that runs to the end of the line.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

static void push(struct toklist *tl, enum tok_type type, char *text)
{
	if (tl->n == tl->cap) {
		tl->cap = tl->cap ? tl->cap * 2 : 16;
		tl->t = xrealloc(tl->t, tl->cap * sizeof(*tl->t));
	}
	tl->t[tl->n++] = (struct token){ .type = type, .text = text };
}

static bool is_meta(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '|' ||
	       c == '&' || c == '<' || c == '>' || c == '\0';
}

/*
 * Length of the word starting at s, quotes included; -1 (after a
 * message) when a quote is not closed.
 */
static long word_len(const char *s)
{
	const char *p = s;

	while (!is_meta(*p)) {
		if (*p == '\\') {
			p += p[1] ? 2 : 1;
		} else if (*p == '\'') {
			const char *end = strchr(p + 1, '\'');
			if (end == NULL)
				goto unterminated;
			p = end + 1;
		} else if (*p == '"') {
			for (p++; *p != '"'; p++) {
				if (*p == '\0')
					goto unterminated;
				if (*p == '\\' && p[1])
					p++;
			}
			p++;
		} else {
			p++;
		}
	}
	return p - s;
unterminated:
	fputs("sh: syntax error: unterminated quote\n", stderr);
	return -1;
}

/*
 * A redirection operator at s, with fd the descriptor written before it
 * (-1 if none).  Returns its length and fills the token.
 */
static size_t lex_redir(const char *s, int fd, struct token *t)
{
	size_t n = 1;

	t->type = TOK_REDIR;
	t->fd = fd >= 0 ? fd : (*s == '<' ? 0 : 1);
	if (s[0] == '>' && s[1] == '>') {
		t->rkind = R_APPEND;
		n = 2;
	} else if (s[1] == '&') {
		t->rkind = R_DUP;
		n = 2;
	} else if (s[0] == '>') {
		t->rkind = R_OUT;
		n = s[1] == '|' ? 2 : 1;
	} else {
		t->rkind = R_IN;
	}
	return n;
}

/* If s starts with digits directly followed by < or >, their length. */
static size_t io_number(const char *s)
{
	size_t n = 0;

	while (isdigit((unsigned char)s[n]))
		n++;
	if (n > 0 && n < 3 && (s[n] == '<' || s[n] == '>'))
		return n;
	return 0;
}

/* One operator at s (not a redirection); returns its length. */
static size_t lex_op(const char *s, enum tok_type *type)
{
	if (*s == '|') {
		*type = s[1] == '|' ? TOK_OR : TOK_PIPE;
		return s[1] == '|' ? 2 : 1;
	}
	if (*s == '&') {
		*type = s[1] == '&' ? TOK_AND : TOK_AMP;
		return s[1] == '&' ? 2 : 1;
	}
	*type = TOK_SEMI;
	return 1;
}

/*
 * Cut line into tokens appended to out, ending with TOK_END.  Returns 0,
 * or -1 after printing a message (out is then freed).
 */
int lex_line(const char *line, struct toklist *out)
{
	const char *p = line;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '#')
			p += strcspn(p, "\n");
		if (*p == '\0')
			break;
		size_t num = io_number(p);
		if (num > 0 || *p == '<' || *p == '>') {
			struct token t;
			int fd = num > 0 ? atoi(p) : -1;
			size_t n = lex_redir(p + num, fd, &t);
			push(out, TOK_REDIR, xstrndup(p, num + n));
			out->t[out->n - 1].fd = t.fd;
			out->t[out->n - 1].rkind = t.rkind;
			p += num + n;
		} else if (is_meta(*p)) {
			enum tok_type type;
			size_t n = lex_op(p, &type);
			push(out, type, xstrndup(p, n));
			p += n;
		} else {
			long n = word_len(p);
			if (n < 0) {
				toklist_free(out);
				return -1;
			}
			push(out, TOK_WORD, xstrndup(p, (size_t)n));
			p += n;
		}
	}
	push(out, TOK_END, xstrdup("end of line"));
	return 0;
}

/* Free every token; tl is empty afterwards. */
void toklist_free(struct toklist *tl)
{
	for (size_t i = 0; i < tl->n; i++)
		free(tl->t[i].text);
	free(tl->t);
	tl->t = NULL;
	tl->n = tl->cap = 0;
}

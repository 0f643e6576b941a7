// SPDX-License-Identifier: BSD-2-Clause
/*
 * sh: the parser.  Builds the AST of sh.h from a token list:
 *
 *	list     := andor ((';' | '&') andor?)*
 *	andor    := pipeline (('&&' | '||') pipeline)*
 *	pipeline := command ('|' command)*
 *	command  := (WORD | REDIR WORD)+
 *
 * A syntax error prints "sh: syntax error near 'tok'" and yields no AST.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct parser {
	const struct toklist *tl;
	size_t pos;
};

static const struct token *peek(const struct parser *p)
{
	return &p->tl->t[p->pos];
}

static int syntax_error(const struct parser *p)
{
	fprintf(stderr, "sh: syntax error near '%s'\n", peek(p)->text);
	return -1;
}

static void command_free(struct command *c)
{
	while (c != NULL) {
		struct command *next = c->next;
		struct redir *r = c->redirs;
		while (r != NULL) {
			struct redir *rn = r->next;
			free(r->target);
			free(r);
			r = rn;
		}
		strvec_free(&c->words);
		free(c);
		c = next;
	}
}

static void andor_free(struct andor *ao)
{
	while (ao != NULL) {
		struct andor *next = ao->next;
		command_free(ao->pl->cmds);
		free(ao->pl);
		free(ao);
		ao = next;
	}
}

/* Free a whole list. */
void ast_free(struct item *list)
{
	while (list != NULL) {
		struct item *next = list->next;
		andor_free(list->ao);
		free(list->text);
		free(list);
		list = next;
	}
}

/* One simple command into *out; -1 on a syntax error. */
static int parse_command(struct parser *p, struct command **out)
{
	struct command *c = xmalloc(sizeof(*c));
	struct redir **tail = &c->redirs;

	*c = (struct command){ 0 };
	for (;;) {
		const struct token *t = peek(p);
		if (t->type == TOK_WORD) {
			strvec_push(&c->words, xstrdup(t->text));
			p->pos++;
		} else if (t->type == TOK_REDIR) {
			p->pos++;
			if (peek(p)->type != TOK_WORD) {
				*out = c;
				return syntax_error(p);
			}
			struct redir *r = xmalloc(sizeof(*r));
			*r = (struct redir){ .fd = t->fd, .kind = t->rkind };
			r->target = xstrdup(peek(p)->text);
			*tail = r;
			tail = &r->next;
			p->pos++;
		} else {
			break;
		}
	}
	*out = c;
	if (c->words.n == 0 && c->redirs == NULL)
		return syntax_error(p);
	return 0;
}

/* A pipeline into *out (allocated even on error, for freeing). */
static int parse_pipeline(struct parser *p, struct pipeline **out)
{
	struct pipeline *pl = xmalloc(sizeof(*pl));
	struct command **tail = &pl->cmds;

	*pl = (struct pipeline){ 0 };
	*out = pl;
	for (;;) {
		int err = parse_command(p, tail);
		pl->ncmds++;
		if (err)
			return err;
		tail = &(*tail)->next;
		if (peek(p)->type != TOK_PIPE)
			return 0;
		p->pos++;
	}
}

/* An and-or chain into *out (allocated even on error). */
static int parse_andor(struct parser *p, struct andor **out)
{
	struct andor **tail = out;

	for (;;) {
		struct andor *ao = xmalloc(sizeof(*ao));
		*ao = (struct andor){ 0 };
		*tail = ao;
		tail = &ao->next;
		if (parse_pipeline(p, &ao->pl))
			return -1;
		enum tok_type type = peek(p)->type;
		if (type != TOK_AND && type != TOK_OR)
			return 0;
		ao->op = type == TOK_AND ? AO_AND : AO_OR;
		p->pos++;
	}
}

/* The source text of tokens [from, to), joined by spaces. */
static char *join_tokens(const struct toklist *tl, size_t from, size_t to)
{
	struct buf b = { 0 };

	for (size_t i = from; i < to; i++) {
		if (i > from && tl->t[i - 1].type != TOK_REDIR)
			buf_addc(&b, ' ');
		buf_adds(&b, tl->t[i].text);
	}
	return buf_take(&b);
}

/*
 * Parse a whole token list into *out (NULL for an empty line).  Returns
 * 0, or -1 after a message with *out NULL.
 */
int parse_tokens(const struct toklist *tl, struct item **out)
{
	struct parser p = { .tl = tl };
	struct item **tail = out;

	*out = NULL;
	while (peek(&p)->type != TOK_END) {
		if (peek(&p)->type == TOK_SEMI) {
			p.pos++;
			continue;
		}
		size_t start = p.pos;
		struct item *it = xmalloc(sizeof(*it));
		*it = (struct item){ 0 };
		*tail = it;
		tail = &it->next;
		if (parse_andor(&p, &it->ao))
			goto fail;
		it->text = join_tokens(tl, start, p.pos);
		enum tok_type type = peek(&p)->type;
		if (type == TOK_AMP || type == TOK_SEMI) {
			it->background = type == TOK_AMP;
			p.pos++;
		} else if (type != TOK_END) {
			syntax_error(&p);
			goto fail;
		}
	}
	return 0;
fail:
	ast_free(*out);
	*out = NULL;
	return -1;
}

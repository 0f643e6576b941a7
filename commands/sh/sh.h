/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * sh: declarations shared by the shell's modules.
 *
 * A line of input goes lex.c (tokens) -> parse.c (an AST of lists,
 * and-or chains, pipelines and simple commands) -> exec.c, which expands
 * words (expand.c) just before running each command, runs builtins
 * (builtin.c) in the shell or in a child, and hands background jobs to
 * jobs.c.  Shell variables live in vars.c; main.c reads input.
 */
#ifndef SH_H
#define SH_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* A growable vector of owned strings, NULL-terminated when n > 0. */
struct strvec {
	char **v;
	size_t n;
	size_t cap;
};

void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
void strvec_push(struct strvec *sv, char *s);
void strvec_free(struct strvec *sv);

/* A growable byte buffer, always NUL-terminated. */
struct buf {
	char *s;
	size_t len;
	size_t cap;
};

void buf_addc(struct buf *b, char c);
void buf_adds(struct buf *b, const char *s);
char *buf_take(struct buf *b);

/* ---- lexer ---- */
enum tok_type {
	TOK_WORD,
	TOK_REDIR,
	TOK_PIPE,
	TOK_OR,
	TOK_AND,
	TOK_AMP,
	TOK_SEMI,
	TOK_END,
};

enum redir_kind {
	R_IN,	  /* fd < file */
	R_OUT,	  /* fd > file */
	R_APPEND, /* fd >> file */
	R_DUP,	  /* fd >& n, fd <& n, or close with "-" */
};

struct token {
	enum tok_type type;
	char *text; /* raw text; for a word still quoted */
	int fd;	    /* TOK_REDIR: the descriptor redirected */
	enum redir_kind rkind;
};

struct toklist {
	struct token *t;
	size_t n;
	size_t cap;
};

int lex_line(const char *line, struct toklist *out);
void toklist_free(struct toklist *tl);

/* ---- AST ---- */
struct redir {
	int fd;
	enum redir_kind kind;
	char *target; /* raw word */
	struct redir *next;
};

struct command {
	struct strvec words; /* raw words, assignments first */
	struct redir *redirs;
	struct command *next; /* next in the pipeline */
};

struct pipeline {
	struct command *cmds;
	size_t ncmds;
};

enum ao_op {
	AO_NONE,
	AO_AND,
	AO_OR,
};

struct andor {
	struct pipeline *pl;
	enum ao_op op; /* how this one joins the next */
	struct andor *next;
};

struct item {
	struct andor *ao;
	bool background;
	char *text; /* the source of the and-or list, for job reports */
	struct item *next;
};

int parse_tokens(const struct toklist *tl, struct item **out);
void ast_free(struct item *list);

/* ---- expansion ---- */
int expand_word(const char *raw, struct strvec *out);
char *expand_single(const char *raw);
bool is_assignment(const char *raw);

/* ---- variables ---- */
void vars_import(char **envp);
const char *var_get(const char *name);
int var_set(const char *name, const char *value, bool export);
int var_unset(const char *name);
int var_export(const char *name);
bool var_name_ok(const char *s, size_t len);
char **vars_environ(const struct strvec *extra);
void vars_print_exported(void);

/* ---- execution ---- */
int exec_list(struct item *list);
void exec_command_path(char **argv, char **envp);

/* ---- builtins ---- */
typedef int builtin_fn(int argc, char **argv);
builtin_fn *builtin_find(const char *name);

/* ---- jobs ---- */
int jobs_add(const pid_t *pids, size_t n, const char *text);
void jobs_reap(bool report);
int jobs_wait(pid_t pid);
int status_of(int wstatus);

/* ---- the shell's own state ---- */
struct shell {
	int last_status;
	bool interactive; /* job control, prompt, ignore ^C */
	pid_t pid;	  /* $$ */
	pid_t pgid;	  /* the shell's own process group */
	pid_t last_bg;	  /* $!, 0 when none */
	int input_fd;	  /* a script's descriptor, closed in children */
	int argc;	  /* positional parameters $0..$N */
	char **argv;
};

extern struct shell shell;

int sh_run_string(const char *text);
int sh_run_file(int argc, char **argv);

#endif

// SPDX-License-Identifier: BSD-2-Clause
/*
 * sh: shell variables.  A small table of name, value and export flag,
 * filled from the environment at start-up (everything imported is
 * exported).  vars_environ() builds the environment of a child.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct var {
	char *name;
	char *value; /* NULL: exported but never set */
	bool exported;
};

static struct var *vars;
static size_t nvars, capvars;

/* True if s[0..len) is a valid variable name. */
bool var_name_ok(const char *s, size_t len)
{
	if (len == 0 || isdigit((unsigned char)s[0]))
		return false;
	for (size_t i = 0; i < len; i++)
		if (s[i] != '_' && !isalnum((unsigned char)s[i]))
			return false;
	return true;
}

static struct var *find(const char *name)
{
	for (size_t i = 0; i < nvars; i++)
		if (strcmp(vars[i].name, name) == 0)
			return &vars[i];
	return NULL;
}

static struct var *find_or_add(const char *name)
{
	struct var *v = find(name);

	if (v != NULL)
		return v;
	if (nvars == capvars) {
		capvars = capvars ? capvars * 2 : 32;
		vars = xrealloc(vars, capvars * sizeof(*vars));
	}
	v = &vars[nvars++];
	*v = (struct var){ .name = xstrdup(name) };
	return v;
}

/* Import NAME=value strings; malformed entries are skipped. */
void vars_import(char **envp)
{
	for (; envp && *envp; envp++) {
		const char *eq = strchr(*envp, '=');
		if (eq == NULL || !var_name_ok(*envp, (size_t)(eq - *envp)))
			continue;
		char *name = xstrndup(*envp, (size_t)(eq - *envp));
		var_set(name, eq + 1, true);
		free(name);
	}
}

/* The value of name, or NULL if unset. */
const char *var_get(const char *name)
{
	struct var *v = find(name);

	return v ? v->value : NULL;
}

/*
 * Set name to value; export it too if export is true (an exported
 * variable stays exported).  Returns 0, or -1 for an invalid name.
 */
int var_set(const char *name, const char *value, bool export)
{
	if (!var_name_ok(name, strlen(name)))
		return -1;
	struct var *v = find_or_add(name);
	char *copy = xstrdup(value);
	free(v->value);
	v->value = copy;
	v->exported |= export;
	return 0;
}

/* Remove name; 0, or -1 for an invalid name.  Unset names are fine. */
int var_unset(const char *name)
{
	if (!var_name_ok(name, strlen(name)))
		return -1;
	struct var *v = find(name);
	if (v != NULL) {
		free(v->name);
		free(v->value);
		*v = vars[--nvars];
	}
	return 0;
}

/* Mark name exported (creating it unset); -1 for an invalid name. */
int var_export(const char *name)
{
	if (!var_name_ok(name, strlen(name)))
		return -1;
	find_or_add(name)->exported = true;
	return 0;
}

/* Print "export NAME=value" for each exported, set variable. */
void vars_print_exported(void)
{
	for (size_t i = 0; i < nvars; i++)
		if (vars[i].exported && vars[i].value != NULL)
			printf("export %s=%s\n", vars[i].name, vars[i].value);
}

/*
 * A fresh environment: the exported variables, then extra (NAME=value
 * strings that override them).  The caller owns the result (it is
 * meant for execve in a child, so it is never freed).
 */
char **vars_environ(const struct strvec *extra)
{
	struct strvec env = { 0 };

	for (size_t i = 0; i < nvars; i++) {
		if (!vars[i].exported || vars[i].value == NULL)
			continue;
		bool overridden = false;
		size_t len = strlen(vars[i].name);
		for (size_t j = 0; extra && j < extra->n; j++)
			if (strncmp(extra->v[j], vars[i].name, len) == 0 &&
			    extra->v[j][len] == '=')
				overridden = true;
		if (overridden)
			continue;
		struct buf b = { 0 };
		buf_adds(&b, vars[i].name);
		buf_addc(&b, '=');
		buf_adds(&b, vars[i].value);
		strvec_push(&env, buf_take(&b));
	}
	for (size_t j = 0; extra && j < extra->n; j++)
		strvec_push(&env, xstrdup(extra->v[j]));
	if (env.v == NULL) {
		env.v = xmalloc(sizeof(*env.v));
		env.v[0] = NULL;
	}
	return env.v;
}

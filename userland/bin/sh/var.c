/*
 * var.c: shell variables, $1... and the special parameters' state, and the environment
 * of the commands the shell runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct var *vars;
struct words args;        /* $1 ... */
pid_t shell_pid;          /* $$: the shell's pid, in its subshells too */
pid_t last_background;    /* $! */

struct var *var_find(const char *name, size_t len)
{
    for (struct var *v = vars; v; v = v->next) {
        if (strlen(v->name) == len && memcmp(v->name, name, len) == 0) return v;
    }
    return NULL;
}

/* The value of variable name, or NULL if it is unset. */
const char *var_get(const char *name)
{
    struct var *v = var_find(name, strlen(name));
    return v ? v->value : NULL;
}

/* Sets name to value (NULL: declared but unset, for export NAME); export 1 marks it exported. */
void var_set(const char *name, const char *value, int export)
{
    struct var *v = var_find(name, strlen(name));
    if (v == NULL) {
        v = xmalloc(sizeof *v);
        v->name = xstrdup(name);
        v->value = NULL;
        v->exported = 0;
        v->next = vars;
        vars = v;
    }
    if (value) {
        free(v->value);
        v->value = xstrdup(value);
    }
    if (export) v->exported = 1;
}

/* Removes variable name, if it exists. */
void var_unset(const char *name)
{
    for (struct var **p = &vars; *p; p = &(*p)->next) {
        if (strcmp((*p)->name, name) == 0) {
            struct var *v = *p;
            *p = v->next;
            free(v->name);
            free(v->value);
            free(v);
            return;
        }
    }
}

/* Sets "NAME=VALUE", as written in an assignment word already expanded. */
void var_assign(const char *assignment, int export)
{
    const char *eq = strchr(assignment, '=');
    char *name = xstrndup(assignment, (size_t)(eq - assignment));
    var_set(name, eq + 1, export);
    free(name);
}

/* The environment of a command: every exported variable that has a value. */
char **make_environment(void)
{
    struct words env = {0};
    for (struct var *v = vars; v; v = v->next) {
        if (!v->exported || v->value == NULL) continue;
        char *s = xmalloc(strlen(v->name) + strlen(v->value) + 2);
        sprintf(s, "%s=%s", v->name, v->value);
        words_add(&env, s);
    }
    if (env.v == NULL) words_add(&env, NULL);
    return env.v;
}

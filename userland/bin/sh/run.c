/*
 * run.c: running the tree: conditions, functions, simple commands (built-in, function or
 * program), pipelines and the compound commands.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

/* Set by break, continue and return, and unwound by the loops and function calls. */
int breaking, continuing, returning, loop_depth, function_depth;

/* Above 0 while a condition runs (if, while and until tests, the left of && and ||, the
 * operand of !): set -e does not end the shell when a command fails there. */
static int testing;

/* Runs n as a condition. */
static int run_test(struct node *n)
{
    testing++;
    int status = run(n, 0);
    testing--;
    return status;
}

struct function *functions;

static struct function *function_find(const char *name)
{
    for (struct function *f = functions; f; f = f->next) {
        if (strcmp(f->name, name) == 0) return f;
    }
    return NULL;
}

/* ----- simple commands */

/* Calls a function: $1... are the arguments while it runs; return ends it. */
static int call_function(struct function *f, struct words *argv)
{
    struct words saved = args;
    memset(&args, 0, sizeof args);
    set_args(argv->n, argv->v, 1);
    function_depth++;
    int status = run(f->body, 0);
    function_depth--;
    returning = 0;
    words_free(&args);
    args = saved;
    return status;
}

/* A variable's value before a temporary assignment, to put back afterwards. */
struct saved_var {
    char *name, *value;
    int existed;
};

static int run_simple(struct node *n, int exec_ok)
{
    command_line = n->line;
    expansion_failed = 0;
    subst_status = 0;   /* a command of assignments alone exits with the substitutions' status */
    struct words argv = {0}, assigns = {0};
    for (int i = 0; i < n->words.n; i++) expand_fields(n->words.v[i], &argv);
    for (int i = 0; i < n->assigns.n; i++) {
        const char *eq = strchr(n->assigns.v[i], '=');
        char *value = expand_single(eq + 1);
        char *a = xmalloc((size_t)(eq - n->assigns.v[i]) + strlen(value) + 2);
        sprintf(a, "%.*s=%s", (int)(eq - n->assigns.v[i]), n->assigns.v[i], value);
        free(value);
        words_add(&assigns, a);
    }
    int status = subst_status;
    if (opt_xtrace && !expansion_failed) {
        struct str line = {0};
        str_addc(&line, '+');
        for (int i = 0; i < assigns.n; i++) {
            str_addc(&line, ' ');
            str_adds(&line, assigns.v[i]);
        }
        for (int i = 0; i < argv.n; i++) {
            str_addc(&line, ' ');
            str_adds(&line, argv.v[i]);
        }
        say(2, "%s\n", line.s);
        free(line.s);
    }
    struct saved_fd saved[MAX_SAVED];
    int nsaved = 0;
    /* POSIX's order: special built-ins, then functions, then the other built-ins, then $PATH. */
    const struct builtin *b = argv.n ? builtin_find(argv.v[0]) : NULL;
    struct function *f = argv.n && !(b && b->special) ? function_find(argv.v[0]) : NULL;
    if (f) b = NULL;
    if (expansion_failed) {
        status = 2;
    } else if (argv.n == 0 || (b && b->fn == NULL && argv.n == 1)) {
        /* Assignments alone set shell variables; "exec" with redirections only keeps them. */
        for (int i = 0; i < assigns.n; i++) var_assign(assigns.v[i], 0);
        int failed = redirect(n->redirs, argv.n ? NULL : saved, &nsaved);
        if (failed) status = failed;
        restore_fds(saved, nsaved);
        if (failed && argv.n && !interactive) shell_exit(status);   /* exec's redirections failed */
    } else if (b && b->fn) {
        struct saved_var *old = xmalloc((size_t)(assigns.n + 1) * sizeof *old);
        for (int i = 0; i < assigns.n; i++) {
            old[i].name = xstrndup(assigns.v[i], (size_t)(strchr(assigns.v[i], '=') - assigns.v[i]));
            const char *v = var_get(old[i].name);
            old[i].existed = var_find(old[i].name, strlen(old[i].name)) != NULL;
            old[i].value = v ? xstrdup(v) : NULL;
            var_assign(assigns.v[i], 0);
        }
        builtin_failed = 0;
        status = redirect(n->redirs, saved, &nsaved);
        if (status == 0) status = b->fn(argv.n, argv.v);
        else builtin_failed = 1;
        restore_fds(saved, nsaved);
        /* POSIX: an error in a special built-in ends a shell that is not interactive. */
        if (b->special && builtin_failed && !interactive) shell_exit(status);
        builtin_failed = 0;
        for (int i = assigns.n - 1; i >= 0; i--) {
            if (!b->special) {
                struct var *v = var_find(old[i].name, strlen(old[i].name));
                if (old[i].value) {
                    var_set(old[i].name, old[i].value, 0);
                } else if (!old[i].existed) {
                    var_unset(old[i].name);
                } else if (v) {   /* declared (export X) but without a value */
                    free(v->value);
                    v->value = NULL;
                }
            }
            free(old[i].name);
            free(old[i].value);
        }
        free(old);
    } else if (f) {
        status = redirect(n->redirs, saved, &nsaved);
        if (status == 0) status = call_function(f, &argv);
        restore_fds(saved, nsaved);
    } else {
        char **cmd = argv.v + (b ? 1 : 0);   /* exec CMD replaces the shell */
        pid_t pid = exec_ok || b ? 0 : fork_child();
        if (pid == 0) {
            for (int i = 0; i < assigns.n; i++) var_assign(assigns.v[i], 1);
            if (redirect(n->redirs, NULL, NULL)) shell_exit(2);
            exec_command(cmd);
        }
        status = pid < 0 ? 2 : wait_for(pid);
    }
    words_free(&argv);
    words_free(&assigns);
    return status;
}

/* ----- compound commands */

/* Runs the commands of a pipeline, each in a child, connected by pipes; waits for them all
 * (as dash does) and returns the last one's status. */
static int run_pipeline(struct node *n)
{
    pid_t *pids = NULL;
    int npids = 0;
    int input = -1;
    for (;;) {
        struct node *cmd = n->type == N_PIPE ? n->left : n;
        int fds[2] = {-1, -1};
        if (n->type == N_PIPE && pipe(fds) < 0) {
            error("Pipe call failed");
            break;
        }
        pid_t pid = fork_child();
        if (pid == 0) {
            if (input > 0) {
                dup2(input, 0);
                close(input);
            }
            if (fds[1] >= 0) {
                close(fds[0]);
                if (fds[1] != 1) {
                    dup2(fds[1], 1);
                    close(fds[1]);
                }
            }
            shell_exit(run(cmd, 1));
        }
        if (input >= 0) close(input);
        if (fds[1] >= 0) close(fds[1]);
        input = fds[0];
        pids = xrealloc(pids, (size_t)(npids + 1) * sizeof *pids);
        pids[npids++] = pid;
        if (n->type != N_PIPE) break;
        n = n->right;
    }
    if (input >= 0) close(input);
    int status = 2;   /* if the last command could not be started */
    for (int i = 0; i < npids; i++) {
        if (pids[i] > 0) status = wait_for(pids[i]);
        else if (i == npids - 1) status = 2;
    }
    free(pids);
    return status;
}

/* Runs a loop's body; 1 if a break (or a continue of an outer loop) ends the loop. */
static int loop_body(struct node *body, int *status)
{
    loop_depth++;
    *status = run(body, 0);
    loop_depth--;
    if (breaking) {
        breaking--;
        return 1;
    }
    if (continuing) {
        return --continuing > 0;
    }
    return returning;
}

static int run_for(struct node *n)
{
    struct words list = {0};
    if (n->has_in) {
        for (int i = 0; i < n->words.n; i++) expand_fields(n->words.v[i], &list);
    } else {
        for (int i = 0; i < args.n; i++) words_add(&list, xstrdup(args.v[i]));
    }
    int status = 0;
    for (int i = 0; i < list.n; i++) {
        var_set(n->name, list.v[i], 0);
        if (loop_body(n->right, &status)) break;
    }
    words_free(&list);
    return status;
}

static int run_case(struct node *n)
{
    command_line = n->line;
    char *word = expand_single(n->name);
    int status = 0;
    for (struct case_item *item = n->items; item; item = item->next) {
        for (int i = 0; i < item->patterns.n; i++) {
            char *pattern = expand_pattern(item->patterns.v[i]);
            int matched = match(pattern, word);
            free(pattern);
            if (matched) {
                status = item->body ? run(item->body, 0) : 0;
                free(word);
                return status;
            }
        }
    }
    free(word);
    return status;
}

/* Whether break, continue or return is unwinding the commands being run. */
int interrupted(void) { return breaking || continuing || returning; }

/* Runs the compound command n, whose redirections are already in place. */
static int run_compound(struct node *n, int exec_ok)
{
    int status = 0;
    pid_t pid;
    switch (n->type) {
    case N_SEQ:
        status = run(n->left, 0);
        return interrupted() ? status : run(n->right, exec_ok);
    case N_AND:
    case N_OR:
        status = run_test(n->left);
        if (interrupted() || (status == 0) != (n->type == N_AND)) return status;
        return run(n->right, exec_ok);
    case N_NOT:
        return !run_test(n->left);
    case N_PIPE:
        return run_pipeline(n);
    case N_BG:
        pid = fork_child();
        if (pid == 0) {
            /* Without job control, a background command reads /dev/null and ignores ^C. */
            signal(SIGINT, SIG_IGN);
            signal(SIGQUIT, SIG_IGN);
            int fd = open("/dev/null", O_RDONLY);
            if (fd > 0) {
                dup2(fd, 0);
                close(fd);
            }
            shell_exit(run(n->left, 1));
        }
        if (pid > 0) last_background = pid;
        return pid < 0 ? 2 : 0;
    case N_SUBSHELL:
        pid = exec_ok ? 0 : fork_child();
        if (pid == 0) shell_exit(run(n->left, 1));
        return pid < 0 ? 2 : wait_for(pid);
    case N_GROUP:
        return run(n->left, exec_ok);
    case N_IF:
        status = run_test(n->left);
        if (interrupted()) return status;
        if (status == 0) return run(n->right, exec_ok);
        return n->third ? run(n->third, exec_ok) : 0;
    case N_WHILE:
    case N_UNTIL:
        for (;;) {
            int cond = run_test(n->left);
            if (interrupted() || (cond == 0) != (n->type == N_WHILE)) break;
            if (loop_body(n->right, &status)) break;
        }
        return status;
    case N_FOR:
        return run_for(n);
    case N_CASE:
        return run_case(n);
    case N_FUNC: {
        struct function *f = function_find(n->name);
        if (f == NULL) {
            f = xmalloc(sizeof *f);
            f->name = xstrdup(n->name);
            f->next = functions;
            functions = f;
        }
        f->body = n->left;   /* kept for ever: the old body may be running */
        return 0;
    }
    default:
        return 0;
    }
}

/*
 * Runs the command tree n and returns its exit status, also stored in $?. exec_ok 1 means
 * the caller is a child that exits right after: a command may replace it by exec.
 */
int run(struct node *n, int exec_ok)
{
    if (n == NULL) return last_status = 0;
    int status;
    if (n->type == N_CMD) {
        status = run_simple(n, exec_ok);
    } else if (n->redirs && n->type != N_SUBSHELL) {
        struct saved_fd saved[MAX_SAVED];
        int nsaved = 0;
        command_line = n->line;
        status = redirect(n->redirs, saved, &nsaved);
        if (status == 0) status = run_compound(n, 0);
        restore_fds(saved, nsaved);
    } else if (n->redirs) {
        pid_t pid = exec_ok ? 0 : fork_child();
        if (pid == 0) {
            command_line = n->line;
            if (redirect(n->redirs, NULL, NULL)) shell_exit(2);
            shell_exit(run(n->left, 1));
        }
        status = pid < 0 ? 2 : wait_for(pid);
    } else {
        status = run_compound(n, exec_ok);
    }
    if (opt_errexit && status != 0 && !testing && (n->type == N_CMD || n->type == N_PIPE || n->type == N_SUBSHELL)) {
        shell_exit(status);
    }
    return last_status = status;
}

/*
 * sh: a small POSIX shell, in the spirit of xv6's sh.c: each complete command is read,
 * parsed into a tree (struct node), then run by walking the tree, forking where a command
 * needs a process of its own. dash, the /bin/sh of Debian and Ubuntu, is the reference for
 * what it prints: its error messages ("sh: 3: nosuch: not found"), its exit statuses (127
 * not found, 126 not executable, 128+n killed by signal n, 2 for a syntax error or a failed
 * redirection).
 *
 *   sh                 reads commands from standard input (with a prompt on a terminal)
 *   sh -c CMD [NAME [ARG...]]   runs CMD, with $0 NAME and $1... ARGs
 *   sh FILE [ARG...]   runs the script FILE
 * each with set's options -e, -u, -x, -f if they are given first (sh -ec CMD, sh -x FILE).
 *
 * The language: simple commands with assignments and redirections (< > >> <> >| <& >&,
 * with a descriptor number in front, and <<, <<- here-documents), pipelines, ! ; & && ||,
 * ( ) and { }, if/elif/else, while, until, for, case, functions; quoting with '...', "..."
 * and \; expansions of $name, ${name} (with :- - := = :+ + :? ? # ## % %% and ${#name}),
 * $? $$ $# $! $0 $1... $@ $*, $(...) and `...`, $((...)), ~, field splitting on IFS,
 * pathname expansion (* ? [...]). Built-ins: : . break cd continue eval exec exit export
 * false pwd read return set shift test [ true unset wait.
 *
 * The shell is in several files, each of one idea, in the order the shell works: sh.h lists
 * them. This one reads and runs each complete command (run_input), runs a string in the
 * shell for eval, . and $(...) (run_string), and reads the command line (main).
 * docs/sh.md describes the design.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

extern char **environ;   /* POSIX has the program declare it */

/* Parses and runs each complete command of the input `in` until its end; the last status. */
static int run_input(void)
{
    for (;;) {
        in.prompt = 1;
        syntax_error = 0;
        npending = 0;
        while (peek()->type == T_NEWLINE) {
            free(take());
            in.prompt = 1;
        }
        if (tok.type == T_EOF) break;
        struct node *n = parse_list(1);
        if (!syntax_error && peek()->type != T_NEWLINE && tok.type != T_EOF) unexpected(NULL);
        if (syntax_error) {
            free_node(n);
            last_status = 2;
            if (!interactive) shell_exit(2);
            /* Forget the rest of the line. */
            have_tok = 0;
            while (in.pos < in.len && in.buf[in.pos] != '\n') in.pos++;
            continue;
        }
        run(n, 0);
        free_node(n);
        if (interrupted()) break;   /* eval 'break; echo not reached' in a loop */
    }
    return last_status;
}

/* Runs text as commands in this shell (eval, ., $(...)), then goes back to the input it was reading. */
int run_string(const char *text)
{
    struct input saved_in = in;
    struct token saved_tok = tok;
    int saved_have = have_tok, saved_line = lineno, saved_interactive = interactive;
    in.buf = xstrdup(text);
    in.len = strlen(text);
    in.pos = 0;
    in.fd = -1;
    tok.text = NULL;
    have_tok = 0;
    interactive = 0;
    lineno = command_line;
    int status = run_input();
    free(in.buf);
    free(tok.text);
    in = saved_in;
    tok = saved_tok;
    have_tok = saved_have;
    lineno = saved_line;
    interactive = saved_interactive;
    return status;
}

int main(int argc, char **argv)
{
    shell_name = argv[0];
    shell_pid = getpid();
    for (char **e = environ; *e; e++) {
        if (strchr(*e, '=')) var_assign(*e, 1);
    }
    var_set("IFS", " \t\n", 0);   /* POSIX: set at startup, whatever the environment says */
    in.fd = 0;
    /* Options: -c (commands from the argument), -s (from standard input), and set's. */
    int i = 1, command = 0, from_stdin = 0;
    for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+') && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        for (const char *c = argv[i] + 1; *c; c++) {
            if (*c == 'c') command = 1;
            else if (*c == 's') from_stdin = 1;
            else if (!set_option(*c, argv[i][0] == '-')) {
                say(2, "%s: 0: Illegal option %c%c\n", shell_name, argv[i][0], *c);
                return 2;
            }
        }
    }
    if (command) {
        if (i >= argc) {
            say(2, "%s: 0: -c requires an argument\n", shell_name);
            return 2;
        }
        in.buf = xstrdup(argv[i]);
        in.len = strlen(argv[i]);
        in.fd = -1;
        if (++i < argc) shell_name = argv[i++];
    } else if (i < argc && !from_stdin) {
        in.fd = open(argv[i], O_RDONLY | O_CLOEXEC);
        if (in.fd < 0) {
            say(2, "%s: 0: cannot open %s: %s\n", shell_name, argv[i], open_error(errno, 0));
            return 2;
        }
        shell_name = argv[i++];
    } else {
        interactive = isatty(0) && isatty(2);
    }
    set_args(argc, argv, i);
    if (interactive) {
        signal(SIGINT, SIG_IGN);
        signal(SIGQUIT, SIG_IGN);
    }
    run_input();
    shell_exit(last_status);
    return last_status;
}

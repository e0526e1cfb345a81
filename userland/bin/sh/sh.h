/*
 * sh.h: what the parts of the shell share. The shell is one program in several files, each
 * of one idea, in the order the shell works (docs/sh.md, "How it works"):
 *
 *   main.c      the loop that reads and runs each command, and the command line
 *   util.c      the shell's state ($0, $?, the options), messages, memory, arrays, strings
 *   var.c       shell variables and the environment of commands
 *   lex.c       the input and the lexer
 *   parse.c     the tree (struct node) and its recursive-descent parser
 *   expand.c    the expansions of a word: parameters, $(...), quotes, field splitting
 *   arith.c     $((...)): integer arithmetic
 *   glob.c      pattern matching and pathname expansion
 *   run.c       running the tree: simple commands, pipelines, compound commands
 *   exec.c      a command's process: redirections, fork, exec and wait
 *   builtins.c  the built-in commands
 *   test.c      test and [
 *
 * This header holds the types more than one part uses, and the state and functions one
 * part takes from another; everything else stays static in its file.
 */
#ifndef SH_H
#define SH_H

#include <stddef.h>
#include <sys/types.h>

/* ---------------------------------------------------------------- util.c */

extern char *shell_name;   /* $0 and the prefix of error messages */
extern int last_status;    /* $? */
extern int interactive;    /* reading commands from a terminal */

/* The options of set and of the command line. */
extern int opt_errexit;    /* -e: a failing command ends the shell, outside conditions */
extern int opt_nounset;    /* -u: expanding an unset parameter is an error */
extern int opt_xtrace;     /* -x: each simple command is shown on standard error before it runs */
extern int opt_noglob;     /* -f: no pathname expansion */
int set_option(char letter, int on);
char *option_letters(void);

extern int lineno;         /* the line the lexer has reached, for messages */
extern int command_line;   /* the line of the command being run */

void say(int fd, const char *fmt, ...);
void error(const char *fmt, ...);
void shell_exit(int status);
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrndup(const char *s, size_t n);
char *xstrdup(const char *s);

/* A growable array of strings, NULL-terminated so that it can be an argv. */
struct words {
    char **v;
    int n, cap;
};

void words_add(struct words *w, char *s);
void words_free(struct words *w);

/* A growable string. */
struct str {
    char *s;
    size_t len, cap;
};

void str_addc(struct str *b, char c);
void str_adds(struct str *b, const char *s);
char *str_take(struct str *b);

int is_name_start(int c);
int is_name_char(int c);
int is_name(const char *s);

/* ---------------------------------------------------------------- var.c */

/* A shell variable; exported ones are passed to the commands the shell runs. */
struct var {
    char *name, *value;
    int exported;
    struct var *next;
};

extern struct var *vars;
extern struct words args;        /* $1 ... */
extern pid_t shell_pid;          /* $$: the shell's pid, in its subshells too */
extern pid_t last_background;    /* $! */

struct var *var_find(const char *name, size_t len);
const char *var_get(const char *name);
void var_set(const char *name, const char *value, int export);
void var_unset(const char *name);
void var_assign(const char *assignment, int export);
char **make_environment(void);

/* ---------------------------------------------------------------- lex.c */

/*
 * The input the lexer reads: a buffer that refill() extends (by a line typed at the
 * terminal, a block of a pipe) until it returns 0 at end of file. A string (sh -c, eval,
 * a command substitution) is a buffer that is never refilled.
 */
struct input {
    char *buf;
    size_t len, pos;
    int fd;          /* where refill reads from; -1 for a string */
    int prompt;      /* 1: the next refill starts a command (PS1), 2: continues one (PS2) */
};

extern struct input in;

enum token_type {
    T_WORD, T_NEWLINE, T_SEMI, T_AMP, T_PIPE, T_AND, T_OR, T_LPAREN, T_RPAREN, T_DSEMI,
    T_REDIR, T_EOF
};

/* R_HEREDOC is <<, R_HEREDOC_TABS <<- (leading tabs removed from the body's lines). */
enum redir_op { R_IN, R_OUT, R_APPEND, R_RDWR, R_DUPIN, R_DUPOUT, R_HEREDOC, R_HEREDOC_TABS };

struct token {
    enum token_type type;
    char *text;      /* a word as written, quotes included */
    enum redir_op op;
    int fd;          /* the descriptor a redirection applies to */
};

extern struct token tok;   /* the current token */
extern int have_tok;       /* tok has been read but not consumed */
extern int syntax_error;   /* set by the parser; the command is not run */
extern int npending;       /* here-documents whose bodies follow the next newline */

int nextc(void);
void syntax(const char *message);
struct token *peek(void);
char *take(void);
int at_word(const char *w);
void unexpected(const char *expecting);

/* ---------------------------------------------------------------- parse.c */

enum node_type {
    N_CMD, N_PIPE, N_AND, N_OR, N_SEQ, N_BG, N_NOT, N_SUBSHELL, N_GROUP, N_IF, N_WHILE,
    N_UNTIL, N_FOR, N_CASE, N_FUNC
};

/* A redirection; for a here-document, word is the body once it has been read. */
struct redir {
    enum redir_op op;
    int fd;
    char *word;
    int quoted;      /* a here-document whose delimiter was quoted: no expansion in the body */
    struct redir *next;
};

struct case_item {
    struct words patterns;
    struct node *body;
    struct case_item *next;
};

/*
 * A command. N_CMD: assigns, words, redirs. N_PIPE, N_AND, N_OR, N_SEQ: left and right.
 * N_BG, N_NOT, N_SUBSHELL, N_GROUP: left. N_IF: left (condition), right (then), third
 * (else, maybe another N_IF for elif). N_WHILE, N_UNTIL: left (condition), right (body).
 * N_FOR: name, words (has_in 0: "$@"), right (body). N_CASE: name (the word), items.
 * N_FUNC: name, left (the body). Compound commands may have redirs too.
 */
struct node {
    enum node_type type;
    int line;
    struct node *left, *right, *third;
    struct words words, assigns;
    char *name;
    int has_in;
    struct case_item *items;
    struct redir *redirs;
};

void read_heredocs(void);
struct node *parse_list(int top);
void free_node(struct node *n);

/* ---------------------------------------------------------------- expand.c */

extern int in_child;           /* this process is a fork of the shell that will exit */
extern int subst_status;       /* the status of the last command substitution */
extern int expansion_failed;   /* an expansion error in the current command */

/*
 * A word being expanded: its characters, each with a mark saying what field splitting and
 * pattern matching may do with it.
 *   M_LITERAL  written in the word, unquoted: kept, a pattern character in a case
 *   M_SPLIT    from an unquoted expansion: an IFS character here separates fields
 *   M_QUOTED   quoted: kept as it is
 *   M_EMPTY    no character: a quoted part was here, so the field exists even if empty
 *   M_BREAK    no character: fields end here ("$@" between parameters)
 */
enum { M_LITERAL, M_SPLIT, M_QUOTED, M_EMPTY, M_BREAK };

struct expansion {
    struct str text;
    char *marks;
    size_t marks_cap;
    int saw_at;        /* "$@" appeared in the current double quotes */
};

void expansion_error(const char *fmt, const char *a, const char *b);
void add(struct expansion *e, char c, char mark);
const char *shell_ifs(void);
void expand_text(struct expansion *e, const char *p, const char *end, int dq);
char *finish(struct expansion *e, int pattern);
void expand_fields(const char *word, struct words *out);
char *expand_single(const char *word);
char *expand_pattern(const char *word);

/* ---------------------------------------------------------------- arith.c */

long arithmetic(const char *text);

/* ---------------------------------------------------------------- glob.c */

void add_field(struct words *out, struct str *field, struct str *pattern, int magic);
int match(const char *pattern, const char *s);

/* ---------------------------------------------------------------- run.c */

/* Set by break, continue and return, and unwound by the loops and function calls. */
extern int breaking, continuing, returning, loop_depth, function_depth;

struct function {
    char *name;
    struct node *body;
    struct function *next;
};

extern struct function *functions;

int run(struct node *n, int exec_ok);
int interrupted(void);

/* ---------------------------------------------------------------- exec.c */

/* A descriptor a redirection replaced, and the copy that restores it (-1: it was closed). */
struct saved_fd {
    int fd, copy;
};

#define MAX_SAVED 16

int restore_fds(struct saved_fd *saved, int n);
const char *open_error(int err, int creating);
int redirect(struct redir *r, struct saved_fd *saved, int *nsaved);
int wait_for(pid_t pid);
pid_t fork_child(void);
void exec_command(char **argv);

/* ---------------------------------------------------------------- builtins.c, test.c */

typedef int builtin_fn(int argc, char **argv);

/* A built-in command; special ones (POSIX's term) keep the assignments written before them. */
struct builtin {
    const char *name;
    builtin_fn *fn;
    int special;
};

extern int builtin_failed;   /* a built-in's error: after a special built-in, it ends a non-interactive shell */

const struct builtin *builtin_find(const char *name);
void set_args(int argc, char **argv, int from);
int bi_test(int argc, char **argv);

/* ---------------------------------------------------------------- main.c */

int run_string(const char *text);

#endif

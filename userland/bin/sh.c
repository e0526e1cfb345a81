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
 * The file reads in the order the shell works: utilities and variables, the input and the
 * lexer, the tree and its parser, the expansions, running commands (built-ins, simple
 * commands, compound commands), and the loop that reads and runs each command. docs/sh.md
 * describes the design.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>

extern char **environ;   /* POSIX has the program declare it */

/* ---------------------------------------------------------------- utilities */

static char *shell_name;   /* $0 and the prefix of error messages */
static int last_status;    /* $? */
static int interactive;    /* reading commands from a terminal */

/* The options of set and of the command line, and their letters in $- (in dash's order). */
static int opt_errexit;    /* -e: a failing command ends the shell, outside conditions */
static int opt_nounset;    /* -u: expanding an unset parameter is an error */
static int opt_xtrace;     /* -x: each simple command is shown on standard error before it runs */
static int opt_noglob;     /* -f: no pathname expansion */
static const struct option {
    char letter;
    int *flag;
} options[] = {{'u', &opt_nounset}, {'x', &opt_xtrace}, {'f', &opt_noglob}, {'e', &opt_errexit}};
#define NOPTIONS ((int)(sizeof options / sizeof options[0]))

/* Sets (-) or clears (+) the option letter; 0 if there is no such option. */
static int set_option(char letter, int on)
{
    for (int i = 0; i < NOPTIONS; i++) {
        if (options[i].letter == letter) {
            *options[i].flag = on;
            return 1;
        }
    }
    return 0;
}

static int lineno = 1;     /* the line the lexer has reached, for messages */
static int command_line;   /* the line of the command being run */

/* Writes a formatted message to descriptor fd; the shell uses no stdio buffers, so nothing
 * is ever written twice by a forked child. */
static void say(int fd, const char *fmt, ...)
{
    char small[256], *buf = small;
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    if (n >= (int)sizeof small) {
        buf = malloc((size_t)n + 1);
        if (buf) {
            vsnprintf(buf, (size_t)n + 1, fmt, again);
        } else {
            buf = small;   /* out of memory: the message is cut short */
            n = sizeof small - 1;
        }
    }
    va_end(again);
    va_end(ap);
    for (int done = 0; done < n;) {
        ssize_t w = write(fd, buf + done, (size_t)(n - done));
        if (w <= 0) break;
        done += (int)w;
    }
    if (buf != small) free(buf);
}

/* Prints "NAME: LINE: message" on standard error, as dash does. */
static void error(const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    say(2, "%s: %d: %s\n", shell_name, command_line, buf);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (p == NULL) {
        say(2, "%s: Out of space\n", shell_name);
        _exit(2);
    }
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (p == NULL) {
        say(2, "%s: Out of space\n", shell_name);
        _exit(2);
    }
    return p;
}

static char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

/* A growable array of strings, NULL-terminated so that it can be an argv. */
struct words {
    char **v;
    int n, cap;
};

static void words_add(struct words *w, char *s)
{
    if (w->n + 2 > w->cap) {
        w->cap = w->cap ? w->cap * 2 : 8;
        w->v = xrealloc(w->v, (size_t)w->cap * sizeof *w->v);
    }
    w->v[w->n++] = s;
    w->v[w->n] = NULL;
}

static void words_free(struct words *w)
{
    for (int i = 0; i < w->n; i++) free(w->v[i]);
    free(w->v);
    w->v = NULL;
    w->n = w->cap = 0;
}

/* A growable string. */
struct str {
    char *s;
    size_t len, cap;
};

static void str_addc(struct str *b, char c)
{
    if (b->len + 2 > b->cap) {
        b->cap = b->cap ? b->cap * 2 : 32;
        b->s = xrealloc(b->s, b->cap);
    }
    b->s[b->len++] = c;
    b->s[b->len] = 0;
}

static void str_adds(struct str *b, const char *s)
{
    while (*s) str_addc(b, *s++);
}

/* The string built so far (an empty one if nothing was added), owned by the caller. */
static char *str_take(struct str *b)
{
    char *s = b->s ? b->s : xstrdup("");
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

static int is_name_start(int c) { return c == '_' || isalpha(c); }
static int is_name_char(int c) { return c == '_' || isalnum(c); }

/* Whether s is a valid variable name. */
static int is_name(const char *s)
{
    if (!is_name_start((unsigned char)*s)) return 0;
    while (*++s) {
        if (!is_name_char((unsigned char)*s)) return 0;
    }
    return 1;
}

/* ---------------------------------------------------------------- variables */

/* A shell variable; exported ones are passed to the commands the shell runs. */
struct var {
    char *name, *value;
    int exported;
    struct var *next;
};

static struct var *vars;
static struct words args;        /* $1 ... */
static pid_t shell_pid;          /* $$: the shell's pid, in its subshells too */
static pid_t last_background;    /* $! */

static struct var *var_find(const char *name, size_t len)
{
    for (struct var *v = vars; v; v = v->next) {
        if (strlen(v->name) == len && memcmp(v->name, name, len) == 0) return v;
    }
    return NULL;
}

static const char *var_get(const char *name)
{
    struct var *v = var_find(name, strlen(name));
    return v ? v->value : NULL;
}

/* Sets name to value (NULL: declared but unset, for export NAME); export 1 marks it exported. */
static void var_set(const char *name, const char *value, int export)
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

static void var_unset(const char *name)
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
static void var_assign(const char *assignment, int export)
{
    const char *eq = strchr(assignment, '=');
    char *name = xstrndup(assignment, (size_t)(eq - assignment));
    var_set(name, eq + 1, export);
    free(name);
}

/* The environment of a command: every exported variable that has a value. */
static char **make_environment(void)
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

/* ---------------------------------------------------------------- input and lexer */

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

static struct input in;

static int refill(void)
{
    if (in.fd < 0) return 0;
    if (interactive) say(2, "%s", in.prompt == 1 ? (geteuid() == 0 ? "# " : "$ ") : "> ");
    in.prompt = 2;
    char chunk[4096];
    ssize_t n;
    do {
        n = read(in.fd, chunk, sizeof chunk);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) return 0;
    /* Drop what was consumed so that a long script does not stay in memory. */
    if (in.pos > 0) {
        memmove(in.buf, in.buf + in.pos, in.len - in.pos);
        in.len -= in.pos;
        in.pos = 0;
    }
    in.buf = xrealloc(in.buf, in.len + (size_t)n + 1);
    memcpy(in.buf + in.len, chunk, (size_t)n);
    in.len += (size_t)n;
    return 1;
}

static int peekc(void)
{
    if (in.pos >= in.len && !refill()) return EOF;
    return (unsigned char)in.buf[in.pos];
}

static int nextc(void)
{
    int c = peekc();
    if (c != EOF) {
        in.pos++;
        if (c == '\n') lineno++;
    }
    return c;
}

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

static struct token tok;   /* the current token */
static int have_tok;       /* tok has been read but not consumed */

static int syntax_error;   /* set by the parser; the command is not run */
static int npending;       /* here-documents whose bodies follow the next newline */
static void read_heredocs(void);

/* Reports a syntax error as dash does and makes the parser give up on the command. */
static void syntax(const char *message)
{
    if (syntax_error) return;
    syntax_error = 1;
    npending = 0;
    command_line = lineno;
    error("Syntax error: %s", message);
}

/* Copies a $( ... ), $(( ... )) or ${ ... } into w, the opening already copied; depth counts
 * ( or {; at_eof is the message if the input ends first. */
static void lex_nested(struct str *w, int open, int close, const char *at_eof)
{
    int depth = 1;
    while (depth > 0) {
        int c = nextc();
        if (c == EOF) {
            syntax(at_eof);
            return;
        }
        str_addc(w, (char)c);
        if (c == '\\') {
            c = nextc();
            if (c != EOF) str_addc(w, (char)c);
        } else if (c == '\'' && open == '(') {
            while ((c = nextc()) != EOF && c != '\'') str_addc(w, (char)c);
            str_addc(w, '\'');
        } else if (c == '"') {
            while ((c = nextc()) != EOF && c != '"') {
                str_addc(w, (char)c);
                if (c == '\\' && (c = nextc()) != EOF) str_addc(w, (char)c);
            }
            str_addc(w, '"');
        } else if (c == open) {
            depth++;
        } else if (c == close) {
            depth--;
        }
    }
}

/* Copies the rest of a $ expansion or a backquoted command into w. */
static void lex_dollar(struct str *w, int c)
{
    if (c == '`') {
        while ((c = nextc()) != EOF && c != '`') {
            str_addc(w, (char)c);
            if (c == '\\' && (c = nextc()) != EOF) str_addc(w, (char)c);
        }
        if (c == EOF) syntax("EOF in backquote substitution");
        str_addc(w, '`');
        return;
    }
    c = peekc();
    if (c == '(') {
        str_addc(w, (char)nextc());
        int arithmetic = peekc() == '(';
        lex_nested(w, '(', ')', arithmetic ? "Missing '))'" : "end of file unexpected (expecting \")\")");
    } else if (c == '{') {
        str_addc(w, (char)nextc());
        lex_nested(w, '{', '}', "Missing '}'");
    }
}

static int is_meta(int c)
{
    return c == EOF || c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|'
        || c == '<' || c == '>' || c == '(' || c == ')';
}

/* Reads the next token into tok. */
static void lex(void)
{
    int c;
    free(tok.text);
    tok.text = NULL;
    for (;;) {
        c = peekc();
        if (c == ' ' || c == '\t') {
            nextc();
        } else if (c == '#') {
            while ((c = peekc()) != EOF && c != '\n') nextc();
        } else if (c == '\\' && in.pos + 1 < in.len && in.buf[in.pos + 1] == '\n') {
            nextc();
            nextc();
        } else {
            break;
        }
    }
    c = nextc();
    switch (c) {
    case EOF: tok.type = T_EOF; read_heredocs(); return;
    case '\n': tok.type = T_NEWLINE; read_heredocs(); return;
    case '(': tok.type = T_LPAREN; return;
    case ')': tok.type = T_RPAREN; return;
    case ';':
        if (peekc() == ';') { nextc(); tok.type = T_DSEMI; } else tok.type = T_SEMI;
        return;
    case '&':
        if (peekc() == '&') { nextc(); tok.type = T_AND; } else tok.type = T_AMP;
        return;
    case '|':
        if (peekc() == '|') { nextc(); tok.type = T_OR; } else tok.type = T_PIPE;
        return;
    case '<':
    case '>':
        tok.type = T_REDIR;
        tok.fd = c == '<' ? 0 : 1;
        if (c == '<') {
            tok.op = R_IN;
            if (peekc() == '&') { nextc(); tok.op = R_DUPIN; }
            else if (peekc() == '>') { nextc(); tok.op = R_RDWR; }
            else if (peekc() == '<') {
                nextc();
                tok.op = R_HEREDOC;
                if (peekc() == '-') { nextc(); tok.op = R_HEREDOC_TABS; }
            }
        } else {
            tok.op = R_OUT;
            if (peekc() == '>') { nextc(); tok.op = R_APPEND; }
            else if (peekc() == '&') { nextc(); tok.op = R_DUPOUT; }
            else if (peekc() == '|') nextc();
        }
        return;
    }
    /* A word: everything up to an unquoted metacharacter, quotes kept for the expansion. */
    struct str w = {0};
    for (;;) {
        if (c == '\\') {
            int d = nextc();
            if (d == '\n') {
                /* a line continuation disappears */
            } else {
                str_addc(&w, '\\');
                if (d != EOF) str_addc(&w, (char)d);
            }
        } else if (c == '\'') {
            str_addc(&w, '\'');
            while ((c = nextc()) != EOF && c != '\'') str_addc(&w, (char)c);
            if (c == EOF) syntax("Unterminated quoted string");
            str_addc(&w, '\'');
        } else if (c == '"') {
            str_addc(&w, '"');
            while ((c = nextc()) != EOF && c != '"') {
                str_addc(&w, (char)c);
                if (c == '\\') {
                    c = nextc();
                    if (c != EOF) str_addc(&w, (char)c);
                } else if (c == '$' || c == '`') {
                    lex_dollar(&w, c);
                }
            }
            if (c == EOF) syntax("Unterminated quoted string");
            str_addc(&w, '"');
        } else if (c == '$' || c == '`') {
            str_addc(&w, (char)c);
            lex_dollar(&w, c);
        } else {
            str_addc(&w, (char)c);
        }
        if (syntax_error || is_meta(peekc())) break;
        c = nextc();
    }
    tok.text = str_take(&w);
    /* Digits right before < or > name the descriptor: 2>file. */
    c = peekc();
    if ((c == '<' || c == '>') && strspn(tok.text, "0123456789") == strlen(tok.text)) {
        int fd = atoi(tok.text);
        lex();
        tok.fd = fd;
        return;
    }
    tok.type = T_WORD;
}

static struct token *peek(void)
{
    if (!have_tok) {
        lex();
        have_tok = 1;
    }
    return &tok;
}

/* Consumes the current token; its text now belongs to the caller. */
static char *take(void)
{
    peek();
    have_tok = 0;
    char *text = tok.text;
    tok.text = NULL;
    return text;
}

/* Whether the current token is the unquoted word w (a reserved word in this position). */
static int at_word(const char *w)
{
    return peek()->type == T_WORD && strcmp(tok.text, w) == 0;
}

/*
 * Reports the current token as unexpected, in dash's words: reserved words and operators
 * quoted ("fi", ";;"), the others not (word, newline, end of file); expecting, if not NULL,
 * is what the grammar wanted instead, as it should be shown (\"then\", word).
 */
static void unexpected(const char *expecting)
{
    static const char *const reserved[] = {
        "if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until",
        "for", "in", "{", "}", "!", NULL,
    };
    static const char *const operators[] = {
        [T_SEMI] = ";", [T_AMP] = "&", [T_PIPE] = "|", [T_AND] = "&&", [T_OR] = "||",
        [T_LPAREN] = "(", [T_RPAREN] = ")", [T_DSEMI] = ";;",
    };
    char what[64], message[160];
    struct token *t = peek();
    const char *name = t->type == T_NEWLINE ? "newline" : t->type == T_EOF ? "end of file"
                     : t->type == T_REDIR ? "redirection" : t->type == T_WORD ? "word" : NULL;
    for (int i = 0; t->type == T_WORD && reserved[i]; i++) {
        if (strcmp(t->text, reserved[i]) == 0) name = NULL;
    }
    if (name) snprintf(what, sizeof what, "%s", name);
    else snprintf(what, sizeof what, "\"%s\"", t->type == T_WORD ? t->text : operators[t->type]);
    if (expecting) snprintf(message, sizeof message, "%s unexpected (expecting %s)", what, expecting);
    else snprintf(message, sizeof message, "%s unexpected", what);
    syntax(message);
}

/* ---------------------------------------------------------------- the tree and the parser */

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

static struct redir *pending_heredocs[16];

/*
 * Reads the bodies of the here-documents of the line just ended: each up to a line equal to
 * its delimiter, the delimiter's quotes removed (any quoting means the body is not expanded).
 */
static void read_heredocs(void)
{
    for (int i = 0; i < npending; i++) {
        struct redir *r = pending_heredocs[i];
        struct str delimiter = {0}, body = {0};
        for (const char *p = r->word; *p; p++) {
            if (*p == '\\' && p[1]) p++;
            else if (*p == '\'' || *p == '"') continue;
            str_addc(&delimiter, *p);
        }
        r->quoted = strpbrk(r->word, "'\"\\") != NULL;
        char *end = str_take(&delimiter);
        for (int c = 0; c != EOF;) {
            struct str line = {0};
            while ((c = nextc()) != EOF && c != '\n') str_addc(&line, (char)c);
            const char *text = line.s ? line.s : "";
            if (r->op == R_HEREDOC_TABS) text += strspn(text, "\t");
            int done = strcmp(text, end) == 0 || (c == EOF && *text == 0);
            if (!done) {
                str_adds(&body, text);
                str_addc(&body, '\n');
            }
            free(line.s);
            if (done) break;
        }
        free(end);
        free(r->word);
        r->word = str_take(&body);
    }
    npending = 0;
}

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

static struct node *new_node(enum node_type type)
{
    struct node *n = xmalloc(sizeof *n);
    memset(n, 0, sizeof *n);
    n->type = type;
    n->line = lineno;
    return n;
}

static struct node *binary(enum node_type type, struct node *left, struct node *right)
{
    struct node *n = new_node(type);
    n->left = left;
    n->right = right;
    return n;
}

static void free_node(struct node *n);

static void free_redirs(struct redir *r)
{
    while (r) {
        struct redir *next = r->next;
        free(r->word);
        free(r);
        r = next;
    }
}

static void free_node(struct node *n)
{
    if (n == NULL || n->type == N_FUNC) return;   /* a function's body lives on in the table */
    free_node(n->left);
    free_node(n->right);
    free_node(n->third);
    words_free(&n->words);
    words_free(&n->assigns);
    free(n->name);
    for (struct case_item *c = n->items, *next; c; c = next) {
        next = c->next;
        words_free(&c->patterns);
        free_node(c->body);
        free(c);
    }
    free_redirs(n->redirs);
    free(n);
}

static struct node *parse_list(int top);
static struct node *parse_command(void);

static void skip_newlines(void)
{
    while (peek()->type == T_NEWLINE) take();
}

static void expect_word(const char *w)
{
    if (syntax_error) return;
    if (!at_word(w)) {
        char expecting[32];
        snprintf(expecting, sizeof expecting, "\"%s\"", w);
        unexpected(expecting);
        return;
    }
    free(take());
}

/* A redirection operator and its word, appended to *list. */
static void parse_redir(struct redir **list)
{
    struct redir *r = xmalloc(sizeof *r);
    r->op = tok.op;
    r->fd = tok.fd;
    r->next = NULL;
    r->word = NULL;
    r->quoted = 0;
    free(take());
    if (peek()->type != T_WORD) {
        unexpected(NULL);
        free(r);
        return;
    }
    r->word = take();
    if (r->op >= R_HEREDOC) {
        if (npending == (int)(sizeof pending_heredocs / sizeof pending_heredocs[0])) syntax("too many here-documents");
        else pending_heredocs[npending++] = r;
    }
    while (*list) list = &(*list)->next;
    *list = r;
}

static int is_assignment(const char *w)
{
    const char *eq = strchr(w, '=');
    if (eq == NULL || eq == w) return 0;
    for (const char *p = w; p < eq; p++) {
        if (!(p == w ? is_name_start((unsigned char)*p) : is_name_char((unsigned char)*p))) return 0;
    }
    return 1;
}

/* Whether the current token ends a compound list (a reserved word or an operator that closes). */
static int at_list_end(void)
{
    static const char *const ends[] = {"then", "else", "elif", "fi", "do", "done", "esac", "}", NULL};
    struct token *t = peek();
    if (t->type == T_EOF || t->type == T_RPAREN || t->type == T_DSEMI) return 1;
    if (t->type != T_WORD) return 0;
    for (int i = 0; ends[i]; i++) {
        if (strcmp(t->text, ends[i]) == 0) return 1;
    }
    return 0;
}

static struct node *parse_simple(void)
{
    struct node *n = new_node(N_CMD);
    for (;;) {
        struct token *t = peek();
        if (t->type == T_REDIR) {
            parse_redir(&n->redirs);
        } else if (t->type == T_WORD) {
            if (n->words.n == 0 && is_assignment(t->text)) {
                words_add(&n->assigns, take());
            } else {
                words_add(&n->words, take());
                if (n->words.n == 1 && n->assigns.n == 0 && n->redirs == NULL && peek()->type == T_LPAREN) {
                    /* NAME ( ) compound-command: a function definition */
                    free(take());
                    if (peek()->type != T_RPAREN) {
                        unexpected("\")\"");
                        return n;
                    }
                    free(take());
                    skip_newlines();
                    struct node *f = new_node(N_FUNC);
                    f->name = xstrdup(n->words.v[0]);
                    f->left = parse_command();
                    free_node(n);
                    return f;
                }
            }
        } else {
            break;
        }
        if (syntax_error) break;
    }
    if (n->words.n == 0 && n->assigns.n == 0 && n->redirs == NULL) unexpected(NULL);
    return n;
}

static struct node *parse_if(void)
{
    struct node *n = new_node(N_IF);
    n->left = parse_list(0);
    expect_word("then");
    n->right = parse_list(0);
    if (at_word("elif")) {
        free(take());
        n->third = parse_if();
        return n;
    }
    if (at_word("else")) {
        free(take());
        n->third = parse_list(0);
    }
    expect_word("fi");
    return n;
}

static struct node *parse_for(void)
{
    struct node *n = new_node(N_FOR);
    if (peek()->type != T_WORD || !is_name(tok.text)) {
        syntax("Bad for loop variable");
        return n;
    }
    n->name = take();
    skip_newlines();
    if (at_word("in")) {
        free(take());
        n->has_in = 1;
        while (peek()->type == T_WORD) words_add(&n->words, take());
        if (peek()->type != T_SEMI && peek()->type != T_NEWLINE) {
            unexpected(NULL);
            return n;
        }
        free(take());
    } else if (peek()->type == T_SEMI) {
        free(take());
    }
    skip_newlines();
    expect_word("do");
    n->right = parse_list(0);
    expect_word("done");
    return n;
}

static struct node *parse_case(void)
{
    struct node *n = new_node(N_CASE);
    if (peek()->type != T_WORD) {
        unexpected("word");
        return n;
    }
    n->name = take();
    skip_newlines();
    expect_word("in");
    struct case_item **tail = &n->items;
    for (;;) {
        skip_newlines();
        if (syntax_error || at_word("esac")) break;
        struct case_item *item = xmalloc(sizeof *item);
        memset(item, 0, sizeof *item);
        *tail = item;
        tail = &item->next;
        if (peek()->type == T_LPAREN) take();
        for (;;) {
            if (peek()->type != T_WORD) {
                unexpected("\")\"");
                return n;
            }
            words_add(&item->patterns, take());
            if (peek()->type != T_PIPE) break;
            free(take());
        }
        if (peek()->type != T_RPAREN) {
            unexpected("\")\"");
            return n;
        }
        free(take());
        skip_newlines();
        if (peek()->type != T_DSEMI && !at_word("esac")) item->body = parse_list(0);   /* may be empty */
        if (peek()->type != T_DSEMI) break;
        free(take());
    }
    expect_word("esac");
    return n;
}

/* A command: compound (with its redirections) or simple. */
static struct node *parse_command(void)
{
    struct node *n;
    int line = lineno;
    if (peek()->type == T_LPAREN) {
        free(take());
        n = new_node(N_SUBSHELL);
        n->left = parse_list(0);
        if (peek()->type != T_RPAREN) unexpected("\")\"");
        else take();
    } else if (at_word("{")) {
        free(take());
        n = new_node(N_GROUP);
        n->left = parse_list(0);
        expect_word("}");
    } else if (at_word("if")) {
        free(take());
        n = parse_if();
    } else if (at_word("while") || at_word("until")) {
        enum node_type type = at_word("while") ? N_WHILE : N_UNTIL;
        free(take());
        n = new_node(type);
        n->left = parse_list(0);
        expect_word("do");
        n->right = parse_list(0);
        expect_word("done");
    } else if (at_word("for")) {
        free(take());
        n = parse_for();
    } else if (at_word("case")) {
        free(take());
        n = parse_case();
    } else if (peek()->type == T_WORD && at_list_end()) {
        unexpected(NULL);   /* "fi", "done"... where a command should start */
        return new_node(N_CMD);
    } else {
        return parse_simple();
    }
    n->line = line;
    while (!syntax_error && peek()->type == T_REDIR) parse_redir(&n->redirs);
    return n;
}

static struct node *parse_pipeline(void)
{
    int negate = 0;
    if (at_word("!")) {
        free(take());
        negate = 1;
    }
    struct node *n = parse_command();
    if (!syntax_error && peek()->type == T_PIPE) {
        free(take());
        skip_newlines();
        n = binary(N_PIPE, n, parse_pipeline());
    }
    if (negate) n = binary(N_NOT, n, NULL);
    return n;
}

static struct node *parse_and_or(void)
{
    struct node *n = parse_pipeline();
    while (!syntax_error && (peek()->type == T_AND || peek()->type == T_OR)) {
        enum node_type type = peek()->type == T_AND ? N_AND : N_OR;
        free(take());
        skip_newlines();
        n = binary(type, n, parse_pipeline());
    }
    return n;
}

/*
 * A list of and-or lists separated by ; & or newlines. At the top (top 1) it ends at a
 * newline, so that each line runs before the next is parsed; inside a compound command it
 * ends at the reserved word or operator that closes it.
 */
static struct node *parse_list(int top)
{
    struct node *list = NULL;
    if (!top) skip_newlines();
    while (!syntax_error) {
        if (!top && at_list_end()) break;
        struct node *n = parse_and_or();
        enum token_type sep = peek()->type;
        if (sep == T_AMP) n = binary(N_BG, n, NULL);
        list = list ? binary(N_SEQ, list, n) : n;
        if (syntax_error) break;
        if (sep == T_AMP || sep == T_SEMI) {
            free(take());
            if (top && peek()->type == T_NEWLINE) break;
        } else if (sep == T_NEWLINE) {
            if (top) break;
            skip_newlines();
        } else {
            break;
        }
        if (top && peek()->type == T_EOF) break;
    }
    /* An empty list is an error, reported here unless the input ended: then the caller
     * says what it expected ("end of file unexpected (expecting "do")"). */
    if (!syntax_error && !top && list == NULL && peek()->type != T_EOF) unexpected(NULL);
    return list;
}

/* ---------------------------------------------------------------- expansions */

static int in_child;       /* this process is a fork of the shell that will exit */
static int subst_status;   /* the status of the last command substitution */
static int run_string(const char *text);
static void shell_exit(int status);

/* An expansion error (a bad ${x?}, a division by zero) ends a non-interactive shell, as in dash. */
static int expansion_failed;

static void expansion_error(const char *fmt, const char *a, const char *b)
{
    char buf[512];
    snprintf(buf, sizeof buf, fmt, a, b);
    error("%s", buf);
    if (!interactive || in_child) shell_exit(2);
    expansion_failed = 1;
}

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

static void add(struct expansion *e, char c, char mark)
{
    if (e->text.len + 2 > e->marks_cap) {
        e->marks_cap = e->marks_cap ? e->marks_cap * 2 : 32;
        e->marks = xrealloc(e->marks, e->marks_cap);
    }
    e->marks[e->text.len] = mark;
    str_addc(&e->text, c);
}

static void add_value(struct expansion *e, const char *s, int quoted)
{
    while (*s) add(e, *s++, quoted ? M_QUOTED : M_SPLIT);
}

static void expand_text(struct expansion *e, const char *p, const char *end, int dq);

/* The end of a construct opened just before p ($( or ${), skipping quoted parts. */
static const char *skip_nested(const char *p, const char *end, char open, char close)
{
    int depth = 1;
    while (p < end) {
        char c = *p++;
        if (c == '\\' && p < end) p++;
        else if (c == '\'' && open == '(') { while (p < end && *p != '\'') p++; p++; }
        else if (c == '"') { while (p < end && *p != '"') { if (*p == '\\') p++; p++; } p++; }
        else if (c == open) depth++;
        else if (c == close && --depth == 0) return p - 1;
    }
    return end;
}

/* ----- $((...)): integer arithmetic with C's operators, precedence and assignments */

static const char *arith_p;
static const char *arith_text;
static int arith_bad;

static void arith_fail(const char *what)
{
    if (!arith_bad) expansion_error("arithmetic expression: %s: \"%s\"", what, arith_text);
    arith_bad = 1;
}

static void arith_space(void) { while (*arith_p == ' ' || *arith_p == '\t' || *arith_p == '\n') arith_p++; }

static long arith_conditional(void);
static long arith_apply(const char *op, long a, long b);

/* After a variable: an assignment (= or op=, not ==) sets it and is its new value; else its value. */
static long arith_assignment(const char *name, size_t len, long value)
{
    static const char *const ops[] = {"<<=", ">>=", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", "=", NULL};
    for (int i = 0; ops[i]; i++) {
        size_t n = strlen(ops[i]);
        if (strncmp(arith_p, ops[i], n) != 0 || (n == 1 && arith_p[1] == '=')) continue;
        arith_p += n;
        long rhs = arith_conditional();
        char op[3] = {0};
        memcpy(op, ops[i], n - 1);
        if (n > 1) rhs = arith_apply(op, value, rhs);
        if (!arith_bad) {
            char buf[32], *nm = xstrndup(name, len);
            snprintf(buf, sizeof buf, "%ld", rhs);
            var_set(nm, buf, 0);
            free(nm);
        }
        return rhs;
    }
    return value;
}

static long arith_unary(void)
{
    arith_space();
    char c = *arith_p;
    if (c == '-' || c == '+' || c == '!' || c == '~') {
        arith_p++;
        long v = arith_unary();
        return c == '-' ? -v : c == '+' ? v : c == '!' ? !v : ~v;
    }
    if (c == '(') {
        arith_p++;
        long v = arith_conditional();
        arith_space();
        if (*arith_p != ')') arith_fail("expecting ')'");
        else arith_p++;
        return v;
    }
    if (isdigit((unsigned char)c)) {
        char *end;
        long v = strtol(arith_p, &end, 0);
        arith_p = end;
        return v;
    }
    if (is_name_start((unsigned char)c)) {
        const char *start = arith_p;
        while (is_name_char((unsigned char)*arith_p)) arith_p++;
        size_t len = (size_t)(arith_p - start);
        struct var *v = var_find(start, len);
        long value = v && v->value ? strtol(v->value, NULL, 0) : 0;
        arith_space();
        return arith_assignment(start, len, value);
    }
    arith_fail("expecting primary");
    return 0;
}

/* The binary operators by precedence, lowest first; each level's operators, longest first. */
static const char *const arith_levels[][4] = {
    {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<=", ">=", "<", ">"},
    {"<<", ">>"}, {"+", "-"}, {"*", "/", "%"},
};
#define ARITH_LEVELS ((int)(sizeof arith_levels / sizeof arith_levels[0]))

static long arith_apply(const char *op, long a, long b)
{
    switch (op[0]) {
    case '|': return op[1] ? (a || b) : (a | b);
    case '&': return op[1] ? (a && b) : (a & b);
    case '^': return a ^ b;
    case '=': return a == b;
    case '!': return a != b;
    case '<': return op[1] == '=' ? a <= b : op[1] == '<' ? a << b : a < b;
    case '>': return op[1] == '=' ? a >= b : op[1] == '>' ? a >> b : a > b;
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    default:
        if (b == 0) {
            arith_fail("division by zero");
            return 0;
        }
        return op[0] == '/' ? a / b : a % b;
    }
}

static long arith_binary(int level)
{
    if (level == ARITH_LEVELS) return arith_unary();
    long v = arith_binary(level + 1);
    for (;;) {
        arith_space();
        const char *op = NULL;
        for (int i = 0; i < 4 && arith_levels[level][i]; i++) {
            const char *o = arith_levels[level][i];
            size_t n = strlen(o);
            /* "|" must not take the first half of "||", nor "<" of "<<". */
            if (strncmp(arith_p, o, n) == 0 && !(n == 1 && (arith_p[1] == o[0] || arith_p[1] == '='))) {
                op = o;
                break;
            }
        }
        if (op == NULL || arith_bad) return v;
        arith_p += strlen(op);
        v = arith_apply(op, v, arith_binary(level + 1));
    }
}

/* c ? a : b, below every binary operator; both branches are parsed, one is the value. */
static long arith_conditional(void)
{
    long c = arith_binary(0);
    arith_space();
    if (*arith_p != '?' || arith_bad) return c;
    arith_p++;
    long a = arith_conditional();
    arith_space();
    if (*arith_p != ':') {
        arith_fail("expecting ':'");
        return 0;
    }
    arith_p++;
    long b = arith_conditional();
    return c ? a : b;
}

static long arithmetic(const char *text)
{
    arith_text = text;
    arith_p = text;
    arith_bad = 0;
    long v = arith_conditional();
    arith_space();
    if (*arith_p) arith_fail("expecting EOF");
    return arith_bad ? 0 : v;
}

/* ----- $(...) and `...` */

/* Runs cmd in a child and adds its output, trailing newlines removed; $? becomes its status. */
static void add_command_output(struct expansion *e, const char *cmd, int quoted)
{
    int fds[2];
    if (pipe(fds) < 0) {
        expansion_error("Pipe call failed%s%s", "", "");
        return;
    }
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        expansion_error("Cannot fork%s%s", "", "");
        return;
    }
    if (pid == 0) {
        in_child = 1;
        close(fds[0]);
        if (fds[1] != 1) {
            dup2(fds[1], 1);
            close(fds[1]);
        }
        shell_exit(run_string(cmd));
    }
    close(fds[1]);
    struct str out = {0};
    char buf[1024];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) != 0) {
        if (n < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (ssize_t i = 0; i < n; i++) str_addc(&out, buf[i]);
    }
    close(fds[0]);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    subst_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    while (out.len > 0 && out.s[out.len - 1] == '\n') out.s[--out.len] = 0;
    if (out.s) add_value(e, out.s, quoted);
    free(out.s);
}

/* ----- parameters */

static const char *shell_ifs(void)
{
    const char *ifs = var_get("IFS");
    return ifs ? ifs : " \t\n";
}

/* The value of a parameter named by name[0..len), or NULL if unset; *tmp holds what to free. */
static const char *param(const char *name, size_t len, char **tmp)
{
    char buf[32];
    *tmp = NULL;
    if (len == 1 && strchr("?$#!", name[0])) {
        long v = name[0] == '?' ? last_status : name[0] == '$' ? (long)shell_pid
               : name[0] == '#' ? args.n : (long)last_background;
        if (name[0] == '!' && last_background == 0) return NULL;
        snprintf(buf, sizeof buf, "%ld", v);
        return *tmp = xstrdup(buf);
    }
    if (len == 1 && name[0] == '-') {
        int n = 0;
        for (int i = 0; i < NOPTIONS; i++) {
            if (*options[i].flag) buf[n++] = options[i].letter;
        }
        buf[n] = 0;
        return *tmp = xstrdup(buf);
    }
    if (isdigit((unsigned char)name[0])) {
        int i = 0;
        for (size_t k = 0; k < len && i < 1000000; k++) i = i * 10 + (name[k] - '0');
        if (i == 0) return shell_name;
        return i <= args.n ? args.v[i - 1] : NULL;
    }
    struct var *v = var_find(name, len);
    return v ? v->value : NULL;
}

/* The length of the parameter name at p (up to end): one special character, digits in braces, or a name. */
static size_t param_name_length(const char *p, const char *end, int braced)
{
    if (p >= end) return 0;
    if (strchr("?$#!@*-0123456789", *p) && !(braced && isdigit((unsigned char)*p))) return 1;
    const char *q = p;
    if (isdigit((unsigned char)*p)) {
        while (q < end && isdigit((unsigned char)*q)) q++;
        return (size_t)(q - p);
    }
    while (q < end && (q == p ? is_name_start((unsigned char)*q) : is_name_char((unsigned char)*q))) q++;
    return (size_t)(q - p);
}

/* set -u: an unset parameter expanded without a default. */
static void unset_error(const char *name, size_t len)
{
    char *nm = xstrndup(name, len);
    expansion_error("%s: parameter not set%s", nm, "");
    free(nm);
}

/* Adds $@ or $* (quoted or not) as POSIX says. */
static void add_all_params(struct expansion *e, char which, int dq)
{
    if (dq && which == '@') {
        e->saw_at = 1;
        for (int i = 0; i < args.n; i++) {
            if (i > 0) add(e, 0, M_BREAK);
            add(e, 0, M_EMPTY);
            add_value(e, args.v[i], 1);
        }
    } else if (dq) {
        const char *ifs = shell_ifs();
        for (int i = 0; i < args.n; i++) {
            if (i > 0 && *ifs) add(e, *ifs, M_QUOTED);
            add_value(e, args.v[i], 1);
        }
    } else {
        for (int i = 0; i < args.n; i++) {
            if (i > 0) add(e, 0, M_BREAK);
            add_value(e, args.v[i], 0);
        }
    }
}

static char *finish(struct expansion *e, int pattern);
static int match(const char *pattern, const char *s);

/* Removes the shortest or longest prefix (#, ##) or suffix (%, %%) of value matching pattern. */
static char *remove_pattern(const char *value, const char *pattern, char op, int longest)
{
    size_t len = strlen(value);
    char *s = xstrdup(value);
    for (size_t k = 0; k <= len; k++) {
        size_t i = longest ? len - k : k;    /* the length of the prefix or suffix tried */
        int ok;
        if (op == '#') {
            char save = s[i];
            s[i] = 0;
            ok = match(pattern, s);
            s[i] = save;
            if (ok) {
                memmove(s, s + i, len - i + 1);
                return s;
            }
        } else if (match(pattern, s + len - i)) {
            s[len - i] = 0;
            return s;
        }
    }
    return s;
}

/* ${...}: body is the text between the braces. */
static void expand_braced(struct expansion *e, const char *p, const char *end, int dq)
{
    char *tmp;
    if (*p == '#' && p + 1 < end) {
        size_t n = param_name_length(p + 1, end, 1);
        const char *v = param(p + 1, n, &tmp);
        if (v == NULL && opt_nounset) unset_error(p + 1, n);
        char buf[32];
        snprintf(buf, sizeof buf, "%zu", v ? strlen(v) : (size_t)0);
        add_value(e, buf, dq);
        free(tmp);
        return;
    }
    size_t n = param_name_length(p, end, 1);
    if (n == 0) {
        expansion_error("Bad substitution%s%s", "", "");
        return;
    }
    const char *name = p;
    p += n;
    if (n == 1 && (*name == '@' || *name == '*') && p == end) {
        add_all_params(e, *name, dq);
        return;
    }
    const char *value = param(name, n, &tmp);
    if (p == end) {
        if (value) add_value(e, value, dq);
        else if (opt_nounset) unset_error(name, n);
        free(tmp);
        return;
    }
    int colon = *p == ':';
    if (colon) p++;
    char op = p < end ? *p++ : 0;
    int unset = value == NULL || (colon && *value == 0);
    if (op == '-' || op == '=' || op == '+' || op == '?') {
        if (op == '+' ? !unset : unset) {
            if (op == '=' || op == '?') {
                struct expansion word = {0};
                expand_text(&word, p, end, dq);
                char *w = finish(&word, 0);
                if (op == '?') {
                    char *nm = xstrndup(name, n);
                    expansion_error("%s: %s", nm, *w ? w : "parameter not set");
                    free(nm);
                } else {
                    char *nm = xstrndup(name, n);
                    if (is_name(nm)) var_set(nm, w, 0);
                    else expansion_error("%s: bad variable name%s", nm, "");
                    free(nm);
                    add_value(e, w, dq);
                }
                free(w);
            } else {
                expand_text(e, p, end, dq);
            }
        } else if (op != '+' && value) {
            add_value(e, value, dq);
        }
    } else if ((op == '#' || op == '%') && !colon) {
        int longest = p < end && *p == op;
        if (longest) p++;
        struct expansion pat = {0};
        expand_text(&pat, p, end, 0);
        char *pattern = finish(&pat, 1);
        char *result = remove_pattern(value ? value : "", pattern, op, longest);
        add_value(e, result, dq);
        free(pattern);
        free(result);
    } else {
        expansion_error("Bad substitution%s%s", "", "");
    }
    free(tmp);
}

/* Expands the $ construct at *pp (just after the $) into e; advances *pp past it. */
static void expand_dollar(struct expansion *e, const char **pp, const char *end, int dq)
{
    const char *p = *pp;
    if (p + 1 < end && p[0] == '(' && p[1] == '(') {
        const char *close = skip_nested(p + 2, end, '(', ')');
        struct expansion inner = {0};
        expand_text(&inner, p + 2, close, 1);
        char *text = finish(&inner, 0);
        char buf[32];
        snprintf(buf, sizeof buf, "%ld", arithmetic(text));
        free(text);
        add_value(e, buf, dq);
        *pp = close + 2 <= end ? close + 2 : end;
    } else if (p < end && *p == '(') {
        const char *close = skip_nested(p + 1, end, '(', ')');
        char *cmd = xstrndup(p + 1, (size_t)(close - p - 1));
        add_command_output(e, cmd, dq);
        free(cmd);
        *pp = close < end ? close + 1 : end;
    } else if (p < end && *p == '{') {
        const char *close = skip_nested(p + 1, end, '{', '}');
        expand_braced(e, p + 1, close, dq);
        *pp = close < end ? close + 1 : end;
    } else {
        size_t n = param_name_length(p, end, 0);
        if (n == 0) {
            add(e, '$', dq ? M_QUOTED : M_LITERAL);
            return;
        }
        if (n == 1 && (*p == '@' || *p == '*')) {
            add_all_params(e, *p, dq);
        } else {
            char *tmp;
            const char *value = param(p, n, &tmp);
            if (value) add_value(e, value, dq);
            else if (opt_nounset) unset_error(p, n);
            free(tmp);
        }
        *pp = p + n;
    }
}

/* Expands the word text [p, end): quotes, backslashes, $ and ` constructs, a leading ~.
 * dq is 1 inside double quotes, 2 in a here-document's body (where " is an ordinary character). */
static void expand_text(struct expansion *e, const char *p, const char *end, int dq)
{
    const char *start = p;
    size_t dq_start = 0;
    while (p < end) {
        char c = *p++;
        if (c == '\'' && !dq) {
            while (p < end && *p != '\'') add(e, *p++, M_QUOTED);
            p++;
            add(e, 0, M_EMPTY);
        } else if (c == '"' && dq != 2) {
            dq = !dq;
            if (dq) {
                dq_start = e->text.len;
                e->saw_at = 0;
            } else if (e->text.len == dq_start && !e->saw_at) {
                add(e, 0, M_EMPTY);
            }
        } else if (c == '\\') {
            if (p >= end) {
                add(e, '\\', M_QUOTED);
            } else if (!dq || strchr(dq == 2 ? "$`\\\n" : "$`\"\\\n", *p)) {
                if (*p != '\n') add(e, *p, M_QUOTED);
                p++;
            } else {
                add(e, '\\', M_QUOTED);
            }
        } else if (c == '$') {
            expand_dollar(e, &p, end, dq);
        } else if (c == '`') {
            struct str cmd = {0};
            while (p < end && *p != '`') {
                if (*p == '\\' && p + 1 < end && strchr("$`\\", p[1])) p++;
                str_addc(&cmd, *p++);
            }
            p++;
            char *text = str_take(&cmd);
            add_command_output(e, text, dq);
            free(text);
        } else if (c == '~' && p - 1 == start && !dq && (p == end || *p == '/')) {
            const char *home = var_get("HOME");
            add_value(e, home ? home : "~", 1);
        } else {
            add(e, c, dq ? M_QUOTED : M_LITERAL);
        }
    }
}

/*
 * The expansion as one string (no field splitting): "$@" joins with spaces. With pattern
 * 1, quoted pattern characters get a backslash so that match() takes them literally.
 */
static char *finish(struct expansion *e, int pattern)
{
    struct str out = {0};
    for (size_t i = 0; i < e->text.len; i++) {
        char c = e->text.s[i], m = e->marks[i];
        if (m == M_EMPTY) continue;
        if (m == M_BREAK) c = ' ';
        else if (pattern && m == M_QUOTED && strchr("*?[]\\", c)) str_addc(&out, '\\');
        str_addc(&out, c);
    }
    free(e->text.s);
    free(e->marks);
    return str_take(&out);
}

/* Whether a pattern (quoted characters escaped with \) has an unescaped * or ?, or a [ that
 * a ] closes (so that a lone [, as in the command [, costs no directory read). */
static int has_magic(const char *pattern, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (pattern[i] == '\\') {
            i++;
        } else if (pattern[i] == '*' || pattern[i] == '?') {
            return 1;
        } else if (pattern[i] == '[') {
            size_t j = i + 1;
            if (j < len && (pattern[j] == '!' || pattern[j] == '^')) j++;
            if (j < len && pattern[j] == ']') j++;
            while (j < len && pattern[j] != ']' && pattern[j] != '/') j++;
            if (j < len && pattern[j] == ']') return 1;
        }
    }
    return 0;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Pathname expansion of the pattern's components from rest on, under the directory dir
 * (a path ending in '/', or "" for the working directory): adds each path that exists
 * and matches to found. A name starting with '.' matches only a pattern starting with '.'.
 */
static void glob_in(const char *dir, const char *rest, struct words *found)
{
    const char *slash = strchr(rest, '/');
    size_t len = slash ? (size_t)(slash - rest) : strlen(rest);
    char *component = xstrndup(rest, len);
    struct str path = {0};
    if (!has_magic(component, len)) {
        str_adds(&path, dir);
        for (const char *p = component; *p; p++) str_addc(&path, *p == '\\' && p[1] ? *++p : *p);
        struct stat st;
        if (slash) {
            str_addc(&path, '/');
            glob_in(path.s, slash + 1, found);
        } else if (lstat(path.s, &st) == 0) {
            words_add(found, str_take(&path));
        }
    } else {
        DIR *d = opendir(*dir ? dir : ".");
        struct dirent *entry;
        while (d && (entry = readdir(d)) != NULL) {
            if ((entry->d_name[0] == '.' && component[0] != '.') || !match(component, entry->d_name)) continue;
            path.len = 0;
            str_adds(&path, dir);
            str_adds(&path, entry->d_name);
            if (slash) {
                str_addc(&path, '/');
                glob_in(path.s, slash + 1, found);
            } else {
                words_add(found, xstrdup(path.s));
            }
        }
        if (d) closedir(d);
    }
    free(path.s);
    free(component);
}

/* Adds a finished field: the paths its pattern matches, sorted, or the field itself. */
static void add_field(struct words *out, struct str *field, struct str *pattern, int magic)
{
    struct words found = {0};
    if (magic && !opt_noglob && has_magic(pattern->s, pattern->len)) {
        const char *p = pattern->s;
        glob_in(*p == '/' ? "/" : "", p + (*p == '/'), &found);
    }
    if (found.n == 0) {
        words_add(out, str_take(field));
    } else {
        qsort(found.v, (size_t)found.n, sizeof *found.v, compare_strings);
        for (int i = 0; i < found.n; i++) words_add(out, found.v[i]);
        free(found.v);
        free(field->s);
        field->s = NULL;
        field->len = field->cap = 0;
    }
    free(pattern->s);
    pattern->s = NULL;
    pattern->len = pattern->cap = 0;
}

/*
 * Splits the expansion into fields on IFS characters that came from unquoted expansions,
 * then expands each field that has an unquoted * ? or [ into the paths it matches.
 */
static void split_fields(struct expansion *e, struct words *out)
{
    const char *ifs = shell_ifs();
    struct str field = {0}, pattern = {0};
    int exists = 0;         /* the current field exists, even if it is empty */
    int after_space = 0;    /* the last separator was IFS white space */
    int magic = 0;          /* the current field has an unquoted pattern character */
    for (size_t i = 0; i < e->text.len; i++) {
        char c = e->text.s[i], m = e->marks[i];
        if (m == M_EMPTY) {
            exists = 1;
        } else if (m == M_BREAK || (m == M_SPLIT && strchr(ifs, c) && c)) {
            /* A break acts as white space: an unquoted $@ drops empty parameters. */
            int space = m == M_BREAK || strchr(" \t\n", c);
            if (exists || field.len || (!space && !after_space)) {
                add_field(out, &field, &pattern, magic);
                exists = magic = 0;
            }
            after_space = space;
        } else {
            str_addc(&field, c);
            if (m == M_QUOTED && strchr("*?[]\\", c)) str_addc(&pattern, '\\');
            str_addc(&pattern, c);
            if (m != M_QUOTED && strchr("*?[", c)) magic = 1;
            exists = 1;
            after_space = 0;
        }
    }
    if (exists || field.len) add_field(out, &field, &pattern, magic);
    free(field.s);
    free(pattern.s);
    free(e->text.s);
    free(e->marks);
}

/* Expands a word into fields, appended to out. */
static void expand_fields(const char *word, struct words *out)
{
    struct expansion e = {0};
    expand_text(&e, word, word + strlen(word), 0);
    split_fields(&e, out);
}

/* Expands a word into one string (assignments, redirection targets, case words). */
static char *expand_single(const char *word)
{
    struct expansion e = {0};
    expand_text(&e, word, word + strlen(word), 0);
    return finish(&e, 0);
}

/* Expands a case pattern: quoted characters stay literal. */
static char *expand_pattern(const char *word)
{
    struct expansion e = {0};
    expand_text(&e, word, word + strlen(word), 0);
    return finish(&e, 1);
}

/* Whether c is in the character class named by name[0..len) ("alpha" of [[:alpha:]]). */
static int in_class(const char *name, size_t len, int c)
{
    static const struct {
        const char *name;
        int (*test)(int);
    } classes[] = {
        {"alnum", isalnum}, {"alpha", isalpha}, {"blank", isblank}, {"cntrl", iscntrl},
        {"digit", isdigit}, {"graph", isgraph}, {"lower", islower}, {"print", isprint},
        {"punct", ispunct}, {"space", isspace}, {"upper", isupper}, {"xdigit", isxdigit},
    };
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
        if (strlen(classes[i].name) == len && memcmp(classes[i].name, name, len) == 0) return classes[i].test(c) != 0;
    }
    return 0;
}

/* Whether s matches the shell pattern (* ? [...] [!...] [[:class:]], \ quotes the next character). */
static int match(const char *pattern, const char *s)
{
    for (; *pattern; pattern++) {
        char p = *pattern;
        if (p == '*') {
            while (pattern[1] == '*') pattern++;
            for (const char *t = s;; t++) {
                if (match(pattern + 1, t)) return 1;
                if (*t == 0) return 0;
            }
        }
        if (*s == 0) return 0;
        if (p == '?') {
            s++;
            continue;
        }
        if (p == '[') {
            const char *q = pattern + 1;
            int negate = *q == '!' || *q == '^';
            if (negate) q++;
            int found = 0;
            const char *first = q;
            while (*q && (*q != ']' || q == first)) {
                const char *class_end = q[0] == '[' && q[1] == ':' ? strstr(q + 2, ":]") : NULL;
                if (class_end) {
                    if (in_class(q + 2, (size_t)(class_end - q - 2), (unsigned char)*s)) found = 1;
                    q = class_end + 2;
                    continue;
                }
                char lo = *q == '\\' && q[1] ? *++q : *q;
                char hi = lo;
                if (q[1] == '-' && q[2] && q[2] != ']') {
                    q += 2;
                    hi = *q == '\\' && q[1] ? *++q : *q;
                }
                if ((unsigned char)*s >= (unsigned char)lo && (unsigned char)*s <= (unsigned char)hi) found = 1;
                q++;
            }
            if (*q == ']') {
                if (found == negate) return 0;
                pattern = q;
                s++;
                continue;
            }
            /* no closing bracket: the [ is an ordinary character */
        }
        if (p == '\\' && pattern[1]) p = *++pattern;
        if (*s != p) return 0;
        s++;
    }
    return *s == 0;
}

/* ---------------------------------------------------------------- running commands */

static int run(struct node *n, int exec_ok);

/* Set by break, continue and return, and unwound by the loops and function calls. */
static int breaking, continuing, returning, loop_depth, function_depth;

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

struct function {
    char *name;
    struct node *body;
    struct function *next;
};

static struct function *functions;

static struct function *function_find(const char *name)
{
    for (struct function *f = functions; f; f = f->next) {
        if (strcmp(f->name, name) == 0) return f;
    }
    return NULL;
}

/* Ends the shell (or the forked child running part of it). */
static void shell_exit(int status)
{
    _exit(status & 0377);
}

/* A descriptor a redirection replaced, and the copy that restores it (-1: it was closed). */
struct saved_fd {
    int fd, copy;
};

#define MAX_SAVED 16

static int restore_fds(struct saved_fd *saved, int n)
{
    while (n-- > 0) {
        if (saved[n].copy >= 0) {
            dup2(saved[n].copy, saved[n].fd);
            close(saved[n].copy);
        } else {
            close(saved[n].fd);
        }
    }
    return 0;
}

/* dash's wording for the errors of open and exec. */
static const char *open_error(int err, int creating)
{
    if (err == ENOENT) return creating ? "Directory nonexistent" : "No such file";
    return strerror(err);
}

/*
 * A pipe whose reading end gives the here-document's body, expanded unless its delimiter was
 * quoted; -1 after a message. A body larger than a pipe is sure to hold is written by a
 * grandchild, which init reaps, so that the shell never blocks on its own pipe.
 */
static pid_t fork_child(void);

static int heredoc(struct redir *r)
{
    char *body;
    if (r->quoted) {
        body = xstrdup(r->word);
    } else {
        struct expansion e = {0};
        expand_text(&e, r->word, r->word + strlen(r->word), 2);
        body = finish(&e, 0);
    }
    int fds[2];
    if (pipe(fds) < 0) {
        error("Pipe call failed");
        free(body);
        return -1;
    }
    size_t len = strlen(body);
    if (len <= PIPE_BUF) {
        write(fds[1], body, len);
    } else {
        pid_t pid = fork_child();
        if (pid == 0) {
            close(fds[0]);
            if (fork() == 0) {
                for (size_t done = 0; done < len;) {
                    ssize_t n = write(fds[1], body + done, len - done);
                    if (n <= 0) break;
                    done += (size_t)n;
                }
            }
            _exit(0);
        }
        if (pid > 0) waitpid(pid, NULL, 0);
    }
    close(fds[1]);
    free(body);
    return fds[0];
}

/*
 * Applies redirections in order. With saved non-NULL the replaced descriptors are kept
 * there (close-on-exec copies above 9) for restore_fds; *nsaved counts them. 0 on success,
 * else 2 after the message.
 */
static int redirect(struct redir *r, struct saved_fd *saved, int *nsaved)
{
    for (; r; r = r->next) {
        if (r->op >= R_HEREDOC) {
            int fd = heredoc(r);
            if (fd < 0) return 2;
            if (saved && *nsaved < MAX_SAVED) {
                saved[*nsaved].fd = r->fd;
                saved[*nsaved].copy = fcntl(r->fd, F_DUPFD_CLOEXEC, 10);
                ++*nsaved;
            }
            if (fd != r->fd) {
                dup2(fd, r->fd);
                close(fd);
            }
            continue;
        }
        char *target = expand_single(r->word);
        int fd;
        if (r->op == R_DUPIN || r->op == R_DUPOUT) {
            if (strcmp(target, "-") == 0) {
                fd = -1;
            } else if (*target && strspn(target, "0123456789") == strlen(target)) {
                fd = atoi(target);
                if (fd == r->fd) {
                    free(target);
                    continue;
                }
                if (fcntl(fd, F_GETFD) < 0) {
                    error("%s: Bad file descriptor", target);
                    free(target);
                    return 2;
                }
            } else {
                error("Syntax error: Bad fd number");
                free(target);
                return 2;
            }
        } else {
            static const int flags[] = {
                [R_IN] = O_RDONLY, [R_OUT] = O_WRONLY | O_CREAT | O_TRUNC,
                [R_APPEND] = O_WRONLY | O_CREAT | O_APPEND, [R_RDWR] = O_RDWR | O_CREAT,
            };
            fd = open(target, flags[r->op], 0666);
            if (fd < 0) {
                error("cannot %s %s: %s", r->op == R_IN ? "open" : "create", target, open_error(errno, r->op != R_IN));
                free(target);
                return 2;
            }
        }
        free(target);
        if (saved && *nsaved < MAX_SAVED) {
            int copy = fcntl(r->fd, F_DUPFD_CLOEXEC, 10);
            saved[*nsaved].fd = r->fd;
            saved[*nsaved].copy = copy;
            ++*nsaved;
        }
        if (fd < 0) {
            close(r->fd);
        } else if (fd != r->fd) {
            dup2(fd, r->fd);
            if (r->op != R_DUPIN && r->op != R_DUPOUT) close(fd);
        }
    }
    return 0;
}

/* The status of a waited-for child as $? shows it; a fatal signal other than SIGINT and
 * SIGPIPE is named on standard error, as dash does. */
static int wait_for(pid_t pid)
{
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return 127;
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    int sig = WTERMSIG(status);
    if (sig != SIGINT && sig != SIGPIPE) say(2, "%s\n", strsignal(sig));
    return 128 + sig;
}

static pid_t fork_child(void)
{
    pid_t pid = fork();
    if (pid < 0) error("Cannot fork");
    if (pid == 0) {
        in_child = 1;
        if (interactive) {
            signal(SIGINT, SIG_DFL);
            signal(SIGQUIT, SIG_DFL);
        }
    }
    return pid;
}

/* execve, and for a file that is not an executable (ENOEXEC), /bin/sh running it as a script. */
static void try_exec(const char *path, char **argv, char **envp)
{
    execve(path, argv, envp);
    if (errno != ENOEXEC) return;
    int argc = 0;
    while (argv[argc]) argc++;
    char **sh_argv = xmalloc((size_t)(argc + 2) * sizeof *sh_argv);
    sh_argv[0] = "sh";
    sh_argv[1] = (char *)path;
    for (int i = 1; i <= argc; i++) sh_argv[i + 1] = argv[i];
    execve("/bin/sh", sh_argv, envp);
    errno = ENOEXEC;
}

/* Runs argv[0], looked up in PATH unless it has a '/'; never returns (127 not found, 126 not runnable). */
static void exec_command(char **argv)
{
    char **envp = make_environment();
    const char *name = argv[0];
    int err = ENOENT;
    if (strchr(name, '/')) {
        try_exec(name, argv, envp);
        err = errno;
    } else {
        const char *path = var_get("PATH");
        if (path == NULL) path = "/bin:/usr/bin";
        for (;;) {
            const char *colon = strchr(path, ':');
            size_t dir = colon ? (size_t)(colon - path) : strlen(path);
            char *full = xmalloc(dir + strlen(name) + 2);
            memcpy(full, path, dir);
            sprintf(full + dir, "%s%s", dir ? "/" : "", name);
            try_exec(full, argv, envp);
            free(full);
            if (errno != ENOENT && errno != ENOTDIR) err = errno;
            if (colon == NULL) break;
            path = colon + 1;
        }
    }
    if (err == ENOENT || err == ENOTDIR) {
        error("%s: not found", name);
        shell_exit(127);
    }
    error("%s: %s", name, err == EISDIR ? "Permission denied" : strerror(err));
    shell_exit(126);
}

/* ----- built-in commands */

typedef int builtin_fn(int argc, char **argv);

/* Set by a built-in's error: after a special built-in, it ends a non-interactive shell. */
static int builtin_failed;

/* Reports a built-in's error (as error() does) and marks it failed. */
#define builtin_error(...) (error(__VA_ARGS__), builtin_failed = 1)

/* Parses a numeric argument; -1 (after the message) if it is not a number. */
static int number_arg(const char *cmd, const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == 0 || *end || v < 0 || v > INT_MAX) {
        builtin_error("%s: Illegal number: %s", cmd, s);
        return -1;
    }
    return (int)v;
}

static int bi_colon(int argc, char **argv) { (void)argc; (void)argv; return 0; }
static int bi_false(int argc, char **argv) { (void)argc; (void)argv; return 1; }

static int bi_exit(int argc, char **argv)
{
    int status = last_status;
    if (argc > 1 && (status = number_arg(argv[0], argv[1])) < 0) status = 2;
    shell_exit(status);
    return status;
}

static int bi_cd(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : var_get("HOME");
    int print = 0;
    if (dir && strcmp(dir, "-") == 0) {
        dir = var_get("OLDPWD");
        print = 1;
    }
    char cwd[PATH_MAX];
    int have_old = getcwd(cwd, sizeof cwd) != NULL;
    if (dir == NULL || chdir(dir) < 0) {
        error("cd: can't cd to %s", dir ? dir : "");
        return 2;
    }
    if (have_old) var_set("OLDPWD", cwd, 0);
    if (getcwd(cwd, sizeof cwd)) {
        var_set("PWD", cwd, 0);
        if (print) say(1, "%s\n", cwd);
    }
    return 0;
}

static int bi_pwd(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd) == NULL) {
        error("pwd: %s", strerror(errno));
        return 2;
    }
    say(1, "%s\n", cwd);
    return 0;
}

static int bi_export(int argc, char **argv)
{
    if (argc == 1 || strcmp(argv[1], "-p") == 0) {
        for (struct var *v = vars; v; v = v->next) {
            if (!v->exported) continue;
            if (v->value) say(1, "export %s='%s'\n", v->name, v->value);
            else say(1, "export %s\n", v->name);
        }
        return 0;
    }
    for (int i = 1; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        char *name = eq ? xstrndup(argv[i], (size_t)(eq - argv[i])) : xstrdup(argv[i]);
        int ok = is_name(name);
        if (ok) var_set(name, eq ? eq + 1 : NULL, 1);
        else builtin_error("export: %s: bad variable name", name);
        free(name);
        if (!ok) return 2;
    }
    return 0;
}

static int bi_unset(int argc, char **argv)
{
    int i = 1, funcs = 0;
    if (i < argc && (strcmp(argv[i], "-f") == 0 || strcmp(argv[i], "-v") == 0)) funcs = argv[i++][1] == 'f';
    for (; i < argc; i++) {
        if (!funcs) {
            var_unset(argv[i]);
            continue;
        }
        for (struct function **f = &functions; *f; f = &(*f)->next) {
            if (strcmp((*f)->name, argv[i]) == 0) {
                *f = (*f)->next;   /* the body may still be running: it is not freed */
                break;
            }
        }
    }
    return 0;
}

/* Replaces $1... with argv[from...]. */
static void set_args(int argc, char **argv, int from)
{
    words_free(&args);
    for (int i = from; i < argc; i++) words_add(&args, xstrdup(argv[i]));
}

static int bi_set(int argc, char **argv)
{
    if (argc == 1) {
        for (struct var *v = vars; v; v = v->next) {
            if (v->value) say(1, "%s='%s'\n", v->name, v->value);
        }
        return 0;
    }
    /* Option words first (-e, +x, -eu); "--" ends them, and then sets $1... even to nothing. */
    int i = 1, dashdash = 0;
    for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+') && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            dashdash = 1;
            i++;
            break;
        }
        for (const char *c = argv[i] + 1; *c; c++) {
            if (!set_option(*c, argv[i][0] == '-')) {
                builtin_error("set: Illegal option %c%c", argv[i][0], *c);
                return 2;
            }
        }
    }
    if (i < argc || dashdash) set_args(argc, argv, i);
    return 0;
}

static int bi_shift(int argc, char **argv)
{
    int n = argc > 1 ? number_arg(argv[0], argv[1]) : 1;
    if (n < 0) return 2;
    if (n > args.n) {
        builtin_error("shift: can't shift that many");
        return 2;
    }
    for (int i = 0; i < n; i++) free(args.v[i]);
    memmove(args.v, args.v + n, (size_t)(args.n - n + 1) * sizeof *args.v);
    args.n -= n;
    return 0;
}

/* eval joins its arguments with spaces and runs the result as commands. */
static int bi_eval(int argc, char **argv)
{
    struct str text = {0};
    for (int i = 1; i < argc; i++) {
        if (i > 1) str_addc(&text, ' ');
        str_adds(&text, argv[i]);
    }
    char *s = str_take(&text);
    int status = run_string(s);
    free(s);
    return status;
}

/* . FILE runs the commands of FILE in this shell. */
static int bi_dot(int argc, char **argv)
{
    if (argc < 2) return 0;
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) {
        error(".: cannot open %s: %s", argv[1], open_error(errno, 0));
        shell_exit(2);
    }
    struct str text = {0};
    char buf[1024];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < n; i++) str_addc(&text, buf[i]);
    }
    close(fd);
    char *s = str_take(&text);
    int status = run_string(s);
    free(s);
    return status;
}

static int bi_wait(int argc, char **argv)
{
    if (argc == 1) {
        int status;
        while (wait(&status) > 0 || errno == EINTR) {}
        return 0;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        int pid = number_arg(argv[0], argv[i]);
        if (pid < 0) return 2;
        status = wait_for(pid);
    }
    return status;
}

/* read [-r] NAME...: one line of standard input, split on IFS, the rest to the last NAME. */
static int bi_read(int argc, char **argv)
{
    int i = 1, raw = 0;
    if (i < argc && strcmp(argv[i], "-r") == 0) {
        raw = 1;
        i++;
    }
    if (i >= argc) {
        builtin_error("read: arg count");
        return 2;
    }
    /* A byte at a time, so that what follows the line stays for the next reader. */
    struct expansion e = {0};
    int got_newline = 0;
    char c;
    while (read(0, &c, 1) == 1) {
        if (c == '\n') {
            got_newline = 1;
            break;
        }
        if (c == '\\' && !raw) {
            if (read(0, &c, 1) != 1) break;
            if (c != '\n') add(&e, c, M_QUOTED);
            continue;
        }
        add(&e, c, M_SPLIT);
    }
    const char *ifs = shell_ifs();
    size_t pos = 0;
    for (; i < argc; i++) {
        while (pos < e.text.len && e.marks[pos] == M_SPLIT && strchr(" \t\n", e.text.s[pos]) && strchr(ifs, e.text.s[pos])) pos++;
        size_t start = pos;
        if (i == argc - 1) {
            size_t end = e.text.len;
            while (end > start && e.marks[end - 1] == M_SPLIT && strchr(" \t\n", e.text.s[end - 1]) && strchr(ifs, e.text.s[end - 1])) end--;
            pos = end;
        } else {
            while (pos < e.text.len && !(e.marks[pos] == M_SPLIT && strchr(ifs, e.text.s[pos]))) pos++;
        }
        char *value = xstrndup(e.text.s ? e.text.s + start : "", pos - start);
        var_set(argv[i], value, 0);
        free(value);
        if (pos < e.text.len && !strchr(" \t\n", e.text.s[pos])) pos++;   /* one non-blank separator */
    }
    free(e.text.s);
    free(e.marks);
    return got_newline ? 0 : 1;
}

static int bi_break(int argc, char **argv)
{
    int n = argc > 1 ? number_arg(argv[0], argv[1]) : 1;
    if (n == 0) builtin_error("%s: Illegal number: %s", argv[0], argv[1]);
    if (n <= 0) return 2;
    if (loop_depth == 0) return 0;
    if (n > loop_depth) n = loop_depth;
    if (argv[0][0] == 'b') breaking = n;
    else continuing = n;
    return 0;
}

static int bi_return(int argc, char **argv)
{
    int status = argc > 1 ? number_arg(argv[0], argv[1]) : last_status;
    if (status < 0) status = 2;
    if (function_depth > 0) returning = 1;
    return status;
}

/* ----- test and [ */

static int test_failed;   /* a test error: the status is 2 */

static long test_number(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    while (*end == ' ' || *end == '\t') end++;
    if (*s == 0 || *end) {
        if (!test_failed) error("test: Illegal number: %s", s);
        test_failed = 1;
    }
    return v;
}

/* A unary primary (-n -z -e -f -d -r -w -x -s -L -h -t); -1 if op is not one. */
static int test_unary(const char *op, const char *a)
{
    struct stat st;
    if (op[0] != '-' || op[1] == 0 || op[2] != 0) return -1;
    switch (op[1]) {
    case 'n': return *a != 0;
    case 'z': return *a == 0;
    case 't': return isatty((int)test_number(a));
    case 'r': return access(a, R_OK) == 0;
    case 'w': return access(a, W_OK) == 0;
    case 'x': return access(a, X_OK) == 0;
    case 'L':
    case 'h': return lstat(a, &st) == 0 && S_ISLNK(st.st_mode);
    case 'e': case 'f': case 'd': case 's': case 'c': case 'p':
        if (stat(a, &st) < 0) return 0;
        return op[1] == 'e' || (op[1] == 'f' && S_ISREG(st.st_mode)) || (op[1] == 'd' && S_ISDIR(st.st_mode))
            || (op[1] == 's' && st.st_size > 0) || (op[1] == 'c' && S_ISCHR(st.st_mode))
            || (op[1] == 'p' && S_ISFIFO(st.st_mode));
    default: return -1;
    }
}

/* A binary primary (= != -eq -ne -lt -le -gt -ge); -1 if op is not one. */
static int test_binary(const char *a, const char *op, const char *b)
{
    static const char *const ops[] = {"-eq", "-ne", "-lt", "-le", "-gt", "-ge", NULL};
    if (strcmp(op, "=") == 0) return strcmp(a, b) == 0;
    if (strcmp(op, "!=") == 0) return strcmp(a, b) != 0;
    for (int i = 0; ops[i]; i++) {
        if (strcmp(op, ops[i]) != 0) continue;
        long x = test_number(a), y = test_number(b);
        switch (i) {
        case 0: return x == y;
        case 1: return x != y;
        case 2: return x < y;
        case 3: return x <= y;
        case 4: return x > y;
        default: return x >= y;
        }
    }
    return -1;
}

/* Evaluates argv[0..argc) by POSIX's rules for one to four arguments, -o and -a beyond. */
static int test_eval(int argc, char **argv)
{
    int r;
    for (int i = 1; argc > 4 && i < argc - 1; i++) {
        if (strcmp(argv[i], "-o") == 0) return test_eval(i, argv) || test_eval(argc - i - 1, argv + i + 1);
    }
    for (int i = 1; argc > 4 && i < argc - 1; i++) {
        if (strcmp(argv[i], "-a") == 0) return test_eval(i, argv) && test_eval(argc - i - 1, argv + i + 1);
    }
    switch (argc) {
    case 0: return 0;
    case 1: return argv[0][0] != 0;
    case 2:
        if (strcmp(argv[0], "!") == 0) return !test_eval(1, argv + 1);
        if ((r = test_unary(argv[0], argv[1])) >= 0) return r;
        break;
    case 3:
        if ((r = test_binary(argv[0], argv[1], argv[2])) >= 0) return r;
        if (strcmp(argv[1], "-a") == 0) return test_eval(1, argv) && test_eval(1, argv + 2);
        if (strcmp(argv[1], "-o") == 0) return test_eval(1, argv) || test_eval(1, argv + 2);
        if (strcmp(argv[0], "!") == 0) return !test_eval(2, argv + 1);
        if (strcmp(argv[0], "(") == 0 && strcmp(argv[2], ")") == 0) return test_eval(1, argv + 1);
        break;
    default:
        if (strcmp(argv[0], "!") == 0) return !test_eval(argc - 1, argv + 1);
        if (strcmp(argv[0], "(") == 0 && strcmp(argv[argc - 1], ")") == 0) return test_eval(argc - 2, argv + 1);
        break;
    }
    if (!test_failed) {
        int binary_op = strcmp(argv[argc - 1], "=") == 0 || strcmp(argv[argc - 1], "!=") == 0
            || (strlen(argv[argc - 1]) == 3 && strstr("-eq-ne-lt-le-gt-ge", argv[argc - 1]));
        if (argc == 2 && binary_op) error("test: %s: argument expected", argv[1]);
        else error("test: %s: unexpected operator", argv[argc > 2 ? 1 : 0]);
    }
    test_failed = 1;
    return 0;
}

/* test EXPR and [ EXPR ]: 0 true, 1 false, 2 an error. */
static int bi_test(int argc, char **argv)
{
    if (strcmp(argv[0], "[") == 0) {
        if (strcmp(argv[argc - 1], "]") != 0) {
            error("[: missing ]");
            return 2;
        }
        argc--;
    }
    test_failed = 0;
    int r = test_eval(argc - 1, argv + 1);
    return test_failed ? 2 : !r;
}

/* The built-ins; special ones (POSIX's term) keep the assignments written before them. */
static const struct builtin {
    const char *name;
    builtin_fn *fn;
    int special;
} builtins[] = {
    {":", bi_colon, 1}, {".", bi_dot, 1}, {"break", bi_break, 1}, {"continue", bi_break, 1},
    {"eval", bi_eval, 1}, {"exec", NULL, 1}, {"exit", bi_exit, 1}, {"export", bi_export, 1},
    {"return", bi_return, 1}, {"set", bi_set, 1}, {"shift", bi_shift, 1}, {"unset", bi_unset, 1},
    {"cd", bi_cd, 0}, {"false", bi_false, 0}, {"pwd", bi_pwd, 0}, {"read", bi_read, 0},
    {"test", bi_test, 0}, {"[", bi_test, 0}, {"true", bi_colon, 0}, {"wait", bi_wait, 0},
    {NULL, NULL, 0},
};

static const struct builtin *builtin_find(const char *name)
{
    for (const struct builtin *b = builtins; b->name; b++) {
        if (strcmp(b->name, name) == 0) return b;
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

static int interrupted(void) { return breaking || continuing || returning; }

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
static int run(struct node *n, int exec_ok)
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

/* ---------------------------------------------------------------- reading commands */

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
static int run_string(const char *text)
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

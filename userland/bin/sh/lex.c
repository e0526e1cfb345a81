/*
 * lex.c: the input and the lexer. Tokens are words and operators; a word is kept as
 * written, quotes included, since the quotes matter only to the expansions, which happen
 * later, when the command runs.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

struct input in;

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

/* The next character of the input (EOF at its end), consumed; counts lines in lineno. */
int nextc(void)
{
    int c = peekc();
    if (c != EOF) {
        in.pos++;
        if (c == '\n') lineno++;
    }
    return c;
}

struct token tok;   /* the current token */
int have_tok;       /* tok has been read but not consumed */

int syntax_error;   /* set by the parser; the command is not run */
int npending;       /* here-documents whose bodies follow the next newline */

/* Reports a syntax error as dash does and makes the parser give up on the command. */
void syntax(const char *message)
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

/* The current token, read first if it has not been. */
struct token *peek(void)
{
    if (!have_tok) {
        lex();
        have_tok = 1;
    }
    return &tok;
}

/* Consumes the current token; its text now belongs to the caller. */
char *take(void)
{
    peek();
    have_tok = 0;
    char *text = tok.text;
    tok.text = NULL;
    return text;
}

/* Whether the current token is the unquoted word w (a reserved word in this position). */
int at_word(const char *w)
{
    return peek()->type == T_WORD && strcmp(tok.text, w) == 0;
}

/*
 * Reports the current token as unexpected, in dash's words: reserved words and operators
 * quoted ("fi", ";;"), the others not (word, newline, end of file); expecting, if not NULL,
 * is what the grammar wanted instead, as it should be shown (\"then\", word).
 */
void unexpected(const char *expecting)
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

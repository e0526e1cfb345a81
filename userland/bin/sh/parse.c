/*
 * parse.c: the tree (struct node) and its parser, recursive descent over POSIX's grammar;
 * the bodies of here-documents are read at the end of their line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

static struct redir *pending_heredocs[16];

/*
 * Reads the bodies of the here-documents of the line just ended: each up to a line equal to
 * its delimiter, the delimiter's quotes removed (any quoting means the body is not expanded).
 */
void read_heredocs(void)
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

static void free_redirs(struct redir *r)
{
    while (r) {
        struct redir *next = r->next;
        free(r->word);
        free(r);
        r = next;
    }
}

/* Frees the tree n (NULL is nothing), but not a function's body, which the function table keeps. */
void free_node(struct node *n)
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

/* Takes a ")", or reports it missing; returns whether it was there. */
static int expect_rparen(void)
{
    if (peek()->type != T_RPAREN) {
        unexpected("\")\"");
        return 0;
    }
    free(take());
    return 1;
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
                    if (!expect_rparen()) return n;
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
        if (!expect_rparen()) return n;
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
        expect_rparen();
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
struct node *parse_list(int top)
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

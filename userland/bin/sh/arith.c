/*
 * arith.c: $((...)), integer arithmetic with C's operators, precedence and assignments.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

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

/* The value of the arithmetic expression text (of $((text))); 0 after the message if it is not valid. */
long arithmetic(const char *text)
{
    arith_text = text;
    arith_p = text;
    arith_bad = 0;
    long v = arith_conditional();
    arith_space();
    if (*arith_p) arith_fail("expecting EOF");
    return arith_bad ? 0 : v;
}

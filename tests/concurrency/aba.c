/*
 * aba.c: a lock-free stack whose pop compares only the top pointer (the ABA problem).
 * Bug, depth 3: the popper reads top = A and A's next = B (1), is held up while the other
 * thread pops A (2), pops B and pushes A back (3); its compare-and-swap then succeeds, since
 * the top is A again, and installs B, which is no longer on the stack.
 */
#include <assert.h>
#include <pthread.h>
#include <stdio.h>

struct node { struct node *next; int value; };

static struct node nodes[3] = {{&nodes[1], 1}, {&nodes[2], 2}, {0, 3}};
static struct node *top = &nodes[0];

static void push(struct node *n)
{
    struct node *old;
    do {
        old = top;
        n->next = old;
    } while (!__sync_bool_compare_and_swap(&top, old, n));
}

static struct node *pop(void)
{
    struct node *old, *next;
    do {
        old = top;
        if (!old) return 0;
        next = old->next;
    } while (!__sync_bool_compare_and_swap(&top, old, next));
    return old;
}

static void *popper(void *arg)
{
    struct node *n = pop();
    return n;
}

static void *juggler(void *arg)
{
    struct node *a = pop();
    struct node *b = pop();
    if (a) push(a);
    return b;
}

int main(void)
{
    pthread_t p, j;
    struct node *taken_by_popper, *taken_by_juggler, *n;
    int count = 0;
    pthread_create(&p, 0, popper, 0);
    pthread_create(&j, 0, juggler, 0);
    pthread_join(p, (void **)&taken_by_popper);
    pthread_join(j, (void **)&taken_by_juggler);
    for (n = top; n; n = n->next) {
        assert(n != taken_by_popper && n != taken_by_juggler); /* a popped node is still on the stack */
        count++;
    }
    printf("%d node(s) left\n", count);
    return 0;
}

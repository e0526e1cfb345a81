/*
 * pthread_robust.c: each thread's robust list, the kernel's way of learning which robust
 * mutexes a dying thread holds (see futex.RobustList in the kernel, and set_robust_list(2)).
 *
 * The list lives in the thread's descriptor (robust_head) and links the mutexes through
 * their __next field; futex_offset leads from that field back to the mutex's futex word.
 * A pointer with bit 0 set marks a priority-inheritance mutex, whose waiters the kernel
 * hands the lock to instead of waking. The list is given to the kernel on a thread's first
 * robust lock, not at thread start, so that programs without robust mutexes make no extra
 * system call. Only the owning thread ever touches its list.
 */
#include <pthread.h>
#include <stddef.h>
#include <sys/syscall.h>
#include "libc.h"
#include "pthread_impl.h"

/* The calling thread's descriptor, its list registered with the kernel. */
static struct pthread *robust_self(void)
{
    struct pthread *self = __pthread_self_desc();
    if (!self->robust_registered) {
        self->robust_head.list.next = &self->robust_head.list; /* empty: ends at the head */
        self->robust_head.futex_offset =
            (long)offsetof(pthread_mutex_t, __data.__lock) - (long)offsetof(pthread_mutex_t, __data.__next);
        self->robust_head.list_op_pending = 0;
        __syscall2(SYS_set_robust_list, (long)&self->robust_head, sizeof self->robust_head);
        self->robust_registered = 1;
    }
    return self;
}

/* m's list entry: the address of its __next field, with bit 0 set for a PI mutex. */
static struct robust_list *entry(pthread_mutex_t *m)
{
    long pi = (m->__data.__kind & MUTEX_PRIO_INHERIT) != 0;
    return (struct robust_list *)((long)&m->__data.__next | pi);
}

static struct robust_list *untagged(struct robust_list *e)
{
    return (struct robust_list *)((long)e & ~1L);
}

void __robust_pending(pthread_mutex_t *m)
{
    robust_self()->robust_head.list_op_pending = entry(m);
}

void __robust_enqueue(pthread_mutex_t *m)
{
    struct pthread *self = robust_self();
    untagged(entry(m))->next = self->robust_head.list.next;
    self->robust_head.list.next = entry(m);
    self->robust_head.list_op_pending = 0;
}

void __robust_dequeue(pthread_mutex_t *m)
{
    struct robust_list *head = &robust_self()->robust_head.list;
    struct robust_list *prev = head;
    struct robust_list *target = untagged(entry(m));
    /* Unlocks usually come in reverse order of locks, so m is usually first. */
    while (untagged(prev->next) != head && untagged(prev->next) != target) prev = untagged(prev->next);
    if (untagged(prev->next) == target) prev->next = target->next;
}

void __robust_done(void)
{
    robust_self()->robust_head.list_op_pending = 0;
}

void __pthread_robust_fork_child(void)
{
    struct tcb *t = __tcb();
    if (t && t->is_pthread) ((struct pthread *)t)->robust_registered = 0;
}

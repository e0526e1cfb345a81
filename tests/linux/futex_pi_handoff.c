/*
 * Contended PI futexes: FUTEX_UNLOCK_PI hands the lock straight to the waiter (the word
 * becomes its tid with FUTEX_WAITERS set), FUTEX_WAKE on a word with PI waiters is EINVAL,
 * a holder that exits hands its lock to the waiter too, LOCK_PI of a word whose owner has
 * exited (nobody waiting) is ESRCH, and a cycle of two threads each waiting for the
 * other's lock is refused with EDEADLK. Then the robust list: set_robust_list checks the
 * length, get_robust_list reads it back, and a thread that exits holding a robust lock
 * leaves FUTEX_OWNER_DIED in the word and wakes a sleeper.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static unsigned int a, b, c, d, robust_word;
static int main_tid;

static long futex(void *addr, int op, int val) {
    return syscall(SYS_futex, addr, op, val, NULL, NULL, 0);
}

static const char *owner(unsigned int w) {
    unsigned int tid = w & FUTEX_TID_MASK;
    return tid == 0 ? "0" : tid == (unsigned int)main_tid ? "main" : "another thread";
}

static void word(const char *what, unsigned int w) {
    printf("  %s: %s%s%s\n", what, owner(w), w & FUTEX_WAITERS ? " | FUTEX_WAITERS" : "",
           w & FUTEX_OWNER_DIED ? " | FUTEX_OWNER_DIED" : "");
}

static void show(const char *what, long r) {
    if (r < 0) printf("%-40s -> -1 %s\n", what, strerror(errno));
    else printf("%-40s -> %ld\n", what, r);
}

/* Takes *w the user-space way: compare-and-swap of 0 to the caller's tid. */
static void take(unsigned int *w) {
    unsigned int tid = syscall(SYS_gettid);
    if (!__sync_bool_compare_and_swap(w, 0, tid)) futex(w, FUTEX_LOCK_PI, 0);
}

/* Waits until some thread sleeps on *w in FUTEX_LOCK_PI (the kernel set FUTEX_WAITERS). */
static void wait_for_waiter(volatile unsigned int *w) {
    while (!(*w & FUTEX_WAITERS)) usleep(1000);
    usleep(10000);
}

static long wake_result, unlock_result;
static int wake_errno, unlock_errno;

static void *unlock_later(void *arg) {
    (void)arg;
    take(&a);
    wait_for_waiter(&a);
    wake_result = futex(&a, FUTEX_WAKE, 1);
    wake_errno = errno;
    unlock_result = futex(&a, FUTEX_UNLOCK_PI, 0);
    unlock_errno = errno;
    return NULL;
}

static void *exit_holding(void *arg) {
    unsigned int *w = arg;
    take(w);
    if (w == &b) wait_for_waiter(w);
    return NULL; /* exits without unlocking */
}

static volatile int c_held;

static long partner_result;
static unsigned int partner_saw;

static void *deadlock_partner(void *arg) {
    (void)arg;
    take(&d);
    c_held = 1;
    partner_result = futex(&c, FUTEX_LOCK_PI, 0);
    partner_saw = c;
    futex(&c, FUTEX_UNLOCK_PI, 0);
    futex(&d, FUTEX_UNLOCK_PI, 0);
    return NULL;
}

static struct robust_list_head head;
struct lock { struct robust_list link; unsigned int word; };
static struct lock robust_lock;

static void *die_holding_robust(void *arg) {
    (void)arg;
    head.list.next = &robust_lock.link;
    robust_lock.link.next = &head.list;
    head.futex_offset = offsetof(struct lock, word) - offsetof(struct lock, link);
    head.list_op_pending = NULL;
    show("thread: set_robust_list", syscall(SYS_set_robust_list, &head, sizeof head));
    robust_lock.word = syscall(SYS_gettid);
    while (!(robust_lock.word & FUTEX_WAITERS)) usleep(1000); /* main announces it will sleep */
    usleep(10000);
    return NULL; /* dies holding the robust lock */
}

int main(void) {
    pthread_t t;
    struct robust_list_head *got = NULL;
    size_t len = 0;
    main_tid = syscall(SYS_gettid);

    pthread_create(&t, NULL, unlock_later, NULL);
    while (a == 0) usleep(1000);
    show("main: LOCK_PI of a held word", futex(&a, FUTEX_LOCK_PI, 0));
    word("word after the hand-over", a);
    pthread_join(t, NULL);
    errno = wake_errno;
    show("holder: WAKE with a PI waiter", wake_result);
    errno = unlock_errno;
    show("holder: UNLOCK_PI", unlock_result);
    show("main: UNLOCK_PI", futex(&a, FUTEX_UNLOCK_PI, 0));
    word("word after", a);

    pthread_create(&t, NULL, exit_holding, &b);
    while (b == 0) usleep(1000);
    show("main: LOCK_PI, the holder exits", futex(&b, FUTEX_LOCK_PI, 0));
    word("word after", b);
    pthread_join(t, NULL);
    futex(&b, FUTEX_UNLOCK_PI, 0);

    pthread_create(&t, NULL, exit_holding, &a);
    pthread_join(t, NULL);
    word("word of a thread that exited", a);
    show("main: LOCK_PI of it", futex(&a, FUTEX_LOCK_PI, 0));

    take(&c);
    pthread_create(&t, NULL, deadlock_partner, NULL);
    while (!c_held) usleep(1000);
    wait_for_waiter(&c);
    show("main: LOCK_PI of the partner's word", futex(&d, FUTEX_LOCK_PI, 0));
    show("main: UNLOCK_PI of its word", futex(&c, FUTEX_UNLOCK_PI, 0));
    pthread_join(t, NULL);
    show("partner: LOCK_PI of main's word", partner_result);
    word("partner got main's word", partner_saw);

    show("set_robust_list, wrong length", syscall(SYS_set_robust_list, &head, sizeof head - 1));
    show("get_robust_list, no such thread", syscall(SYS_get_robust_list, 0x3ffffff0, &got, &len));
    show("get_robust_list, bad length pointer", syscall(SYS_get_robust_list, 0, &got, (void *)8));
    show("set_robust_list", syscall(SYS_set_robust_list, &head, sizeof head));
    show("get_robust_list", syscall(SYS_get_robust_list, 0, &got, &len));
    printf("  head is mine: %d, length %zu\n", got == &head, len);

    pthread_create(&t, NULL, die_holding_robust, NULL);
    while (robust_lock.word == 0) usleep(1000);
    {
        unsigned int w = robust_lock.word;
        __sync_bool_compare_and_swap(&robust_lock.word, w, w | FUTEX_WAITERS);
        show("main: WAIT on the robust word", futex(&robust_lock.word, FUTEX_WAIT, w | FUTEX_WAITERS));
    }
    word("robust word after its owner died", robust_lock.word);
    pthread_join(t, NULL);
    return 0;
}

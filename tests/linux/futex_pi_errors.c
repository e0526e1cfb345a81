/*
 * The priority-inheritance futex operations without contention, and their errors in
 * Linux's order: FUTEX_TRYLOCK_PI and FUTEX_LOCK_PI take a free word (it becomes the
 * caller's tid), EDEADLK on the caller's own word, EPERM for FUTEX_UNLOCK_PI of a word the
 * caller does not own, ESRCH for a word naming no thread (which is left with
 * FUTEX_WAITERS set), EAGAIN for TRYLOCK_PI of a word a live thread holds, ETIMEDOUT, the
 * timeout's EFAULT and EINVAL before the word's, EINVAL for a misaligned word, EFAULT for an
 * unmapped one, ENOSYS for FUTEX_CLOCK_REALTIME on LOCK_PI (LOCK_PI2 takes it).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static unsigned int words[4];
static int me;

static long futex(void *addr, int op, const struct timespec *ts) {
    return syscall(SYS_futex, addr, op, 0, ts, NULL, 0);
}

/* The word with the caller's tid shown as "me", so that the output does not depend on tids. */
static void word(const char *what, unsigned int w) {
    unsigned int tid = w & FUTEX_TID_MASK;
    printf("  word %s: %s%s%s\n", what, tid == 0 ? "0" : tid == (unsigned int)me ? "me" : "other",
           w & FUTEX_WAITERS ? " | FUTEX_WAITERS" : "", w & FUTEX_OWNER_DIED ? " | FUTEX_OWNER_DIED" : "");
}

static void show(const char *what, long r) {
    if (r < 0) printf("%-44s -> -1 %s\n", what, strerror(errno));
    else printf("%-44s -> %ld\n", what, r);
}

static volatile int held, release;

static void *holder(void *arg) {
    unsigned int *w = arg;
    *w = syscall(SYS_gettid);
    held = 1;
    while (!release) usleep(1000);
    show("holder: UNLOCK_PI of its word", futex(w, FUTEX_UNLOCK_PI, NULL));
    return NULL;
}

int main(void) {
    struct timespec past = {0, 0}, bad = {0, 1000000000};
    pthread_t t;
    me = syscall(SYS_gettid);

    show("TRYLOCK_PI of a free word", futex(&words[0], FUTEX_TRYLOCK_PI, NULL));
    word("after", words[0]);
    show("TRYLOCK_PI of my own word", futex(&words[0], FUTEX_TRYLOCK_PI, NULL));
    show("LOCK_PI of my own word", futex(&words[0], FUTEX_LOCK_PI, NULL));
    show("UNLOCK_PI of my word, nobody waits", futex(&words[0], FUTEX_UNLOCK_PI, NULL));
    word("after", words[0]);
    show("UNLOCK_PI of a free word", futex(&words[0], FUTEX_UNLOCK_PI, NULL));
    show("LOCK_PI_PRIVATE of a free word", futex(&words[0], FUTEX_LOCK_PI_PRIVATE, NULL));
    word("after", words[0]);
    show("UNLOCK_PI_PRIVATE", futex(&words[0], FUTEX_UNLOCK_PI_PRIVATE, NULL));
    words[1] = FUTEX_OWNER_DIED;
    show("LOCK_PI of a free word with OWNER_DIED", futex(&words[1], FUTEX_LOCK_PI, NULL));
    word("after", words[1]);
    words[1] = 0;

    words[2] = 0x3ffffff0; /* no thread has this tid */
    show("LOCK_PI of a word naming no thread", futex(&words[2], FUTEX_LOCK_PI, NULL));
    printf("  word after: 0x%x\n", words[2]);
    show("TRYLOCK_PI of a word naming no thread", futex(&words[2], FUTEX_TRYLOCK_PI, NULL));
    show("UNLOCK_PI of a word naming another", futex(&words[2], FUTEX_UNLOCK_PI, NULL));

    pthread_create(&t, NULL, holder, &words[3]);
    while (!held) usleep(1000);
    show("TRYLOCK_PI of a word a live thread holds", futex(&words[3], FUTEX_TRYLOCK_PI, NULL));
    word("after", words[3]);
    show("LOCK_PI until a past time", futex(&words[3], FUTEX_LOCK_PI, &past));
    word("after", words[3]);
    show("LOCK_PI2 until a past monotonic time", futex(&words[3], FUTEX_LOCK_PI2, &past));
    show("LOCK_PI2|CLOCK_REALTIME until a past time", futex(&words[3], FUTEX_LOCK_PI2 | FUTEX_CLOCK_REALTIME, &past));
    release = 1;
    pthread_join(t, NULL);
    word("after the holder's unlock", words[3]);

    show("LOCK_PI with tv_nsec = 10^9", futex(&words[0], FUTEX_LOCK_PI, &bad));
    show("LOCK_PI, unreadable timeout, misaligned", futex((char *)&words[0] + 1, FUTEX_LOCK_PI, (void *)8));
    show("TRYLOCK_PI ignores the timeout argument", futex(&words[0], FUTEX_TRYLOCK_PI, (void *)8));
    show("UNLOCK_PI", futex(&words[0], FUTEX_UNLOCK_PI, NULL));
    show("LOCK_PI of a misaligned word", futex((char *)&words[0] + 2, FUTEX_LOCK_PI, NULL));
    show("UNLOCK_PI of a misaligned word", futex((char *)&words[0] + 2, FUTEX_UNLOCK_PI, NULL));
    show("LOCK_PI of NULL", futex(NULL, FUTEX_LOCK_PI, NULL));
    show("UNLOCK_PI of NULL", futex(NULL, FUTEX_UNLOCK_PI, NULL));
    show("TRYLOCK_PI of an unmapped word", futex((void *)16, FUTEX_TRYLOCK_PI, NULL));
    show("LOCK_PI with FUTEX_CLOCK_REALTIME", futex(&words[0], FUTEX_LOCK_PI | FUTEX_CLOCK_REALTIME, NULL));
    show("UNLOCK_PI with FUTEX_CLOCK_REALTIME", futex(&words[0], FUTEX_UNLOCK_PI | FUTEX_CLOCK_REALTIME, NULL));
    show("LOCK_PI2|CLOCK_REALTIME of a free word", futex(&words[0], FUTEX_LOCK_PI2 | FUTEX_CLOCK_REALTIME, NULL));
    word("after", words[0]);
    return 0;
}

/*
 * Robust mutexes: a thread (or a process, for a process-shared mutex in shared memory)
 * that dies holding one does not leave it locked for ever: the next locker, asleep or not,
 * gets EOWNERDEAD and the mutex; pthread_mutex_consistent makes it usable again, and
 * unlocking without it makes it ENOTRECOVERABLE for everyone. Also the attributes'
 * values and errors, ERRORCHECK's rules on a robust mutex, and a condition wait on one.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *name(int r) {
    switch (r) {
    case 0: return "0";
    case EOWNERDEAD: return "EOWNERDEAD";
    case ENOTRECOVERABLE: return "ENOTRECOVERABLE";
    case EINVAL: return "EINVAL";
    case EDEADLK: return "EDEADLK";
    case EPERM: return "EPERM";
    case EBUSY: return "EBUSY";
    default: return strerror(r);
    }
}

static void show(const char *what, int r) { printf("%-46s -> %s\n", what, name(r)); }

static pthread_mutex_t m;
static volatile int locked;

static void init_robust(pthread_mutex_t *mx, int type, int pshared) {
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    pthread_mutexattr_settype(&a, type);
    pthread_mutexattr_setpshared(&a, pshared);
    pthread_mutex_init(mx, &a);
    pthread_mutexattr_destroy(&a);
}

static void *lock_and_die(void *arg) {
    (void)arg;
    pthread_mutex_lock(&m);
    locked = 1;
    usleep(20000); /* long enough for main to be asleep in pthread_mutex_lock, if it waits */
    return NULL;
}

static void *unlock_other(void *arg) { return (void *)(long)pthread_mutex_unlock(arg); }

static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int ready;

static void *signal_ready(void *arg) {
    (void)arg;
    pthread_mutex_lock(&m);
    ready = 1;
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&m);
    return NULL;
}

int main(void) {
    pthread_mutexattr_t a;
    pthread_t t;
    void *r;
    int v;

    pthread_mutexattr_init(&a);
    pthread_mutexattr_getrobust(&a, &v);
    printf("default robustness: %s\n", v == PTHREAD_MUTEX_STALLED ? "PTHREAD_MUTEX_STALLED" : "?");
    show("setrobust(2)", pthread_mutexattr_setrobust(&a, 2));
    show("setrobust(PTHREAD_MUTEX_ROBUST)", pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST));
    pthread_mutexattr_getrobust(&a, &v);
    printf("robustness now: %s\n", v == PTHREAD_MUTEX_ROBUST ? "PTHREAD_MUTEX_ROBUST" : "?");
    pthread_mutexattr_destroy(&a);

    /* The owner dies while nobody waits; the mutex is not made consistent. */
    init_robust(&m, PTHREAD_MUTEX_NORMAL, PTHREAD_PROCESS_PRIVATE);
    pthread_create(&t, NULL, lock_and_die, NULL);
    pthread_join(t, NULL);
    show("lock after the owner died", pthread_mutex_lock(&m));
    show("unlock without making it consistent", pthread_mutex_unlock(&m));
    show("lock again", pthread_mutex_lock(&m));
    show("trylock", pthread_mutex_trylock(&m));
    show("destroy", pthread_mutex_destroy(&m));

    /* The owner dies while main sleeps in pthread_mutex_lock; main makes it consistent. */
    init_robust(&m, PTHREAD_MUTEX_ERRORCHECK, PTHREAD_PROCESS_PRIVATE);
    locked = 0;
    pthread_create(&t, NULL, lock_and_die, NULL);
    while (!locked) usleep(1000);
    show("lock while the owner dies", pthread_mutex_lock(&m));
    show("consistent", pthread_mutex_consistent(&m));
    show("consistent again", pthread_mutex_consistent(&m));
    show("lock by the owner (ERRORCHECK)", pthread_mutex_lock(&m));
    pthread_create(&t, NULL, unlock_other, &m);
    pthread_join(t, &r);
    show("unlock by another thread", (int)(long)r);
    show("unlock", pthread_mutex_unlock(&m));
    show("unlock of an unlocked mutex", pthread_mutex_unlock(&m));
    show("lock", pthread_mutex_lock(&m));
    pthread_join(t, NULL);

    /* A condition wait on a robust mutex. */
    pthread_create(&t, NULL, signal_ready, NULL);
    while (!ready) pthread_cond_wait(&cond, &m);
    show("unlock after the condition wait", pthread_mutex_unlock(&m));
    pthread_join(t, NULL);

    {
        pthread_mutex_t plain = PTHREAD_MUTEX_INITIALIZER;
        show("consistent on a mutex that is not robust", pthread_mutex_consistent(&plain));
    }

    /* A process-shared robust mutex whose owner process dies. */
    {
        pthread_mutex_t *shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        pid_t child;
        int status;
        init_robust(shared, PTHREAD_MUTEX_NORMAL, PTHREAD_PROCESS_SHARED);
        child = fork();
        if (child == 0) {
            pthread_mutex_lock(shared);
            _exit(3);
        }
        waitpid(child, &status, 0);
        printf("child exited with %d holding the shared mutex\n", WEXITSTATUS(status));
        show("lock of the shared mutex", pthread_mutex_lock(shared));
        show("consistent", pthread_mutex_consistent(shared));
        show("unlock", pthread_mutex_unlock(shared));
        show("lock again", pthread_mutex_lock(shared));
        show("unlock", pthread_mutex_unlock(shared));
    }
    return 0;
}

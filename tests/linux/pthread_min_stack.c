/*
 * Threads on the smallest stacks POSIX allows: PTHREAD_STACK_MIN bytes, given as a size
 * (pthread_attr_setstacksize) or as memory (pthread_attr_setstack). Each thread stores
 * thread-specific values under keys beyond the first 32 (which glibc keeps in the thread
 * descriptor; the others live in blocks allocated on first use), recurses as deep as fits,
 * and its destructors run at exit for every key. A size below the minimum is refused.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 6
#define KEYS 200
#define DEPTH 40

static pthread_key_t keys[KEYS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long destroyed_sum;
static int destroyed_count;

static void destroy(void *value)
{
    pthread_mutex_lock(&lock);
    destroyed_sum += (long)value;
    destroyed_count++;
    pthread_mutex_unlock(&lock);
}

/* Sums 1..depth with a small buffer in each frame, so that the stack is really used. */
static long recurse(int depth)
{
    volatile char buffer[64];
    memset((char *)buffer, depth, sizeof buffer);
    if (depth == 0) return 0;
    return depth + recurse(depth - 1) + buffer[depth % 64] - depth;
}

static void *worker(void *arg)
{
    long index = (long)arg;
    /* Keys 0, 31, 32, 33, 100 and 199: inside and beyond the first block of 32. */
    static const int used[] = {0, 31, 32, 33, 100, KEYS - 1};
    for (int i = 0; i < 6; i++) {
        if (pthread_setspecific(keys[used[i]], (void *)(index * 1000 + used[i] + 1)) != 0) return (void *)1L;
    }
    long sum = recurse(DEPTH);
    for (int i = 0; i < 6; i++) {
        if ((long)pthread_getspecific(keys[used[i]]) != index * 1000 + used[i] + 1) return (void *)2L;
    }
    if (pthread_getspecific(keys[50]) != NULL) return (void *)3L;
    return (void *)sum;
}

/* Runs THREADS workers with attr; prints what they returned and what the destructors saw. */
static void run(const char *how, pthread_attr_t *attr)
{
    pthread_t threads[THREADS];
    destroyed_sum = 0;
    destroyed_count = 0;
    for (long i = 0; i < THREADS; i++) {
        int r = pthread_create(&threads[i], attr, worker, (void *)i);
        if (r != 0) {
            printf("%s: pthread_create: %s\n", how, strerror(r));
            return;
        }
    }
    for (int i = 0; i < THREADS; i++) {
        void *result;
        pthread_join(threads[i], &result);
        printf("%s: thread %d returned %ld\n", how, i, (long)result);
    }
    printf("%s: %d destructor calls, values summing to %ld\n", how, destroyed_count, destroyed_sum);
}

int main(void)
{
    pthread_attr_t attr;
    size_t size;
    for (int i = 0; i < KEYS; i++) {
        if (pthread_key_create(&keys[i], destroy) != 0) {
            printf("pthread_key_create %d failed\n", i);
            return 1;
        }
    }
    pthread_attr_init(&attr);
    printf("setstacksize(PTHREAD_STACK_MIN - 1): %s\n",
           pthread_attr_setstacksize(&attr, PTHREAD_STACK_MIN - 1) == EINVAL ? "EINVAL" : "accepted");
    printf("setstacksize(PTHREAD_STACK_MIN): %d\n", pthread_attr_setstacksize(&attr, PTHREAD_STACK_MIN));
    pthread_attr_getstacksize(&attr, &size);
    printf("stack size is the minimum: %s\n", size == PTHREAD_STACK_MIN ? "yes" : "no");
    run("setstacksize", &attr);

    /* The caller's memory as the stack: exactly the minimum. */
    char *stack = malloc(PTHREAD_STACK_MIN * THREADS);
    pthread_t threads[THREADS];
    destroyed_sum = 0;
    destroyed_count = 0;
    for (long i = 0; i < THREADS; i++) {
        pthread_attr_t own;
        pthread_attr_init(&own);
        pthread_attr_setstack(&own, stack + i * PTHREAD_STACK_MIN, PTHREAD_STACK_MIN);
        if (pthread_create(&threads[i], &own, worker, (void *)i) != 0) {
            printf("setstack: pthread_create failed\n");
            return 1;
        }
        pthread_attr_destroy(&own);
    }
    for (int i = 0; i < THREADS; i++) {
        void *result;
        pthread_join(threads[i], &result);
        printf("setstack: thread %d returned %ld\n", i, (long)result);
    }
    printf("setstack: %d destructor calls, values summing to %ld\n", destroyed_count, destroyed_sum);
    free(stack);

    /* The main thread's values beyond the first block, and a deleted key. */
    pthread_setspecific(keys[150], (void *)7L);
    printf("main: key 150 holds %ld\n", (long)pthread_getspecific(keys[150]));
    pthread_key_delete(keys[150]);
    printf("main: after delete, setspecific gives %s\n", pthread_setspecific(keys[150], (void *)8L) == EINVAL ? "EINVAL" : "0");
    pthread_key_t fresh;
    pthread_key_create(&fresh, NULL);
    printf("main: a new key starts NULL: %s\n", pthread_getspecific(fresh) == NULL ? "yes" : "no");
    pthread_attr_destroy(&attr);
    return 0;
}

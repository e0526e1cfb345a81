/* stdatomic.h with threads: ++, +=, -=, |= on _Atomic objects and atomic_fetch_add are
 * indivisible (no update is lost however the threads interleave); compare-exchange in a
 * retry loop; exchange; an atomic_flag spin lock guarding a plain counter; and the return
 * values of each operation, single-threaded, as C11 defines them. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define THREADS 4
#define ROUNDS 2000

static atomic_int plus_plus;
static _Atomic long compound = 0;
static _Atomic(unsigned) bits;
static atomic_long fetched;
static atomic_int maximum;
static atomic_flag lock = ATOMIC_FLAG_INIT;
static long guarded;
static int slots[THREADS * ROUNDS];
static int *_Atomic cursor = slots;

static void *work(void *arg)
{
    int id = (int)(long)arg, i;
    for (i = 0; i < ROUNDS; i++) {
        int seen, want;
        plus_plus++;
        ++plus_plus;
        compound += 3;
        compound -= 1;
        bits |= 1u << (id * 8 + i % 8);
        atomic_fetch_add(&fetched, 2);
        /* The largest value any thread offered, by compare-exchange. */
        want = id * ROUNDS + i;
        seen = atomic_load(&maximum);
        while (seen < want && !atomic_compare_exchange_weak(&maximum, &seen, want)) {
        }
        while (atomic_flag_test_and_set(&lock)) {
        }
        guarded++;
        atomic_flag_clear(&lock);
        *cursor++ = 1; /* each thread gets its own slot: the pointer's ++ is atomic too */
    }
    return 0;
}

int main(void)
{
    pthread_t t[THREADS];
    int i, filled = 0, expected = 5, old;
    atomic_int x = ATOMIC_VAR_INIT(5);
    _Bool swapped;

    for (i = 0; i < THREADS; i++) pthread_create(&t[i], 0, work, (void *)(long)i);
    for (i = 0; i < THREADS; i++) pthread_join(t[i], 0);
    for (i = 0; i < THREADS * ROUNDS; i++) filled += slots[i];
    printf("++: %d, +=/-=: %ld, |=: %#x, fetch_add: %ld, max: %d, guarded: %ld, slots: %d of %d, cursor at %d\n",
           atomic_load(&plus_plus), compound, bits, fetched, maximum, guarded, filled, THREADS * ROUNDS,
           (int)(cursor - slots));

    /* One side effect per statement: the order of a call's arguments is unspecified. */
    old = x++;
    printf("x++ %d, now %d\n", old, x);
    old = ++x;
    printf("++x %d\n", old);
    old = (x += 10);
    printf("x += 10 gives %d\n", old);
    old = x--;
    printf("x-- %d, now %d\n", old, x);
    old = atomic_fetch_sub(&x, 4);
    printf("fetch_sub returned %d, now %d\n", old, atomic_load(&x));
    old = atomic_exchange(&x, 42);
    printf("exchange returned %d, now %d\n", old, x);
    swapped = atomic_compare_exchange_strong(&x, &expected, 7);
    printf("cas with 5: %d, expected now %d, x %d\n", swapped, expected, x);
    swapped = atomic_compare_exchange_strong(&x, &expected, 7);
    printf("cas with 42: %d, x %d\n", swapped, x);
    atomic_store_explicit(&x, 3, memory_order_release);
    old = atomic_fetch_or(&x, 12);
    printf("fetch_or returned %d, now %d\n", old, x);
    old = atomic_fetch_and(&x, 6);
    printf("fetch_and returned %d, now %d\n", old, x);
    old = atomic_fetch_xor(&x, 1);
    printf("fetch_xor returned %d, now %d\n", old, atomic_load_explicit(&x, memory_order_acquire));
    swapped = atomic_flag_test_and_set(&lock);
    printf("flag was %d, ", swapped);
    swapped = atomic_flag_test_and_set(&lock);
    printf("then %d; lock-free int %d, is_lock_free %d\n", swapped, ATOMIC_INT_LOCK_FREE, (int)atomic_is_lock_free(&x));
    return 0;
}

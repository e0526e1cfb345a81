/*
 * rand.c: rand, srand and rand_r, giving exactly glibc's sequences.
 *
 * glibc's rand() is its random() with the default TYPE_3 state: an additive lagged
 * Fibonacci generator, r[i] = r[i-3] + r[i-31] (mod 2^32), whose output is r[i] >> 1.
 * srand(seed) fills the 31 words from the seed with the Park-Miller generator
 * (16807 * x mod 2^31-1) and throws the first 310 outputs away. Matching glibc means a C
 * test that prints rand() values gives the same output here and on Linux. rand_r is
 * glibc's separate three-step LCG.
 *
 * THREADS: the state is shared and unlocked; glibc takes a lock in rand(). Add it with
 * libpthread.
 */
#include <stdlib.h>

#define DEGREE 31
#define SEPARATION 3

static int state[DEGREE];
static int front = SEPARATION; /* index of r[i-3] */
static int rear = 0;           /* index of r[i-31] */
static int seeded;

/* One step of the generator: the next value in 0..RAND_MAX. */
static int next_value(void)
{
    unsigned int value = (unsigned int)state[front] + (unsigned int)state[rear];
    state[front] = (int)value;
    if (++front >= DEGREE) front = 0;
    if (++rear >= DEGREE) rear = 0;
    return (int)(value >> 1);
}

/* Seeds the generator; seed 0 is taken as 1, as glibc does. */
void srand(unsigned int seed)
{
    int i;
    int word;
    if (seed == 0) seed = 1;
    state[0] = (int)seed;
    word = (int)seed;
    for (i = 1; i < DEGREE; i++) {
        /* word = 16807 * word mod (2^31 - 1), by Schrage's method to stay in 32 bits. */
        long hi = word / 127773;
        long lo = word % 127773;
        long next = 16807 * lo - 2836 * hi;
        if (next < 0) next += 2147483647;
        word = (int)next;
        state[i] = word;
    }
    front = SEPARATION;
    rear = 0;
    for (i = 0; i < 10 * DEGREE; i++) next_value();
    seeded = 1;
}

/* The next pseudo-random number in 0..RAND_MAX; before any srand, as after srand(1). */
int rand(void)
{
    if (!seeded) srand(1);
    return next_value();
}

/* glibc's rand_r: three LCG steps contributing 11, 10 and 10 bits; *seedp is the whole state. */
int rand_r(unsigned int *seedp)
{
    unsigned int next = *seedp;
    int result;
    next = next * 1103515245 + 12345;
    result = (int)((next / 65536) % 2048);
    next = next * 1103515245 + 12345;
    result = (result << 10) ^ (int)((next / 65536) % 1024);
    next = next * 1103515245 + 12345;
    result = (result << 10) ^ (int)((next / 65536) % 1024);
    *seedp = next;
    return result;
}

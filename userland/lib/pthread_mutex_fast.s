# pthread_mutex_fast.s: the fast paths of pthread_mutex_lock and pthread_mutex_unlock.
#
# int pthread_mutex_lock(pthread_mutex_t *m)
# int pthread_mutex_unlock(pthread_mutex_t *m)
#
# A normal, process-private mutex (__kind == 0) that nobody contends is taken with one
# compare-and-swap of its word from 0 to 1 and released with one from 1 to 0 (the states of
# lock.h), with the owner bookkeeping pthread_mutex.c keeps for every kind. Everything else
# (the other kinds, a destroyed mutex, a word that is not in the state the fast path
# expects, the main thread before it has a tid) goes to the C functions of pthread_mutex.c,
# which handle every case and call lock.c's __lock and __unlock. These are glibc's
# lll_lock and lll_unlock, which are inline assembly for the same reason: written in C,
# with a frame, register saves and calls through __thread_tid, the pair cost 220
# instructions; here it costs about 30 (docs/PERFORMANCE.md, "Guest instructions per
# operation"). Neither function makes a frame: each returns or jumps to C with a0 = m and
# ra untouched, so a backtrace taken in the C function shows the caller directly.
#
# The mutex's fields (pthread.h, glibc's layout): __lock at 0, __count at 4, __owner at 8,
# __nusers at 12, __kind at 16. tp points at the thread's control block, whose tid is at 12
# (tcb.h); it is 0 only in the main thread before anything asked for its tid.

        .text
        .globl  pthread_mutex_lock
        .type   pthread_mutex_lock, @function
pthread_mutex_lock:
        lw      t0, 16(a0)              # __kind: anything but a normal private mutex
        bne     t0, zero, .Llock_slow
        lw      t1, 12(tp)              # the caller's tid
        beq     t1, zero, .Llock_slow   # not known yet: C asks the kernel
        li      t2, 1
        cas.w   t0, t2, 0(a0)           # t0 was 0: take the word from 0 to 1 if it is free
        bne     t0, zero, .Llock_slow   # held: C sleeps in __lock
        sw      t1, 8(a0)               # __owner = tid
        sw      t2, 4(a0)               # __count = 1
        lw      t0, 12(a0)
        addi    t0, t0, 1
        sw      t0, 12(a0)              # __nusers++
        li      a0, 0
        ret
.Llock_slow:
        j       __pthread_mutex_lock_slow
        .size   pthread_mutex_lock, . - pthread_mutex_lock

        .globl  pthread_mutex_unlock
        .type   pthread_mutex_unlock, @function
pthread_mutex_unlock:
        lw      t0, 16(a0)              # __kind: anything but a normal private mutex
        bne     t0, zero, .Lunlock_slow
        sw      zero, 8(a0)             # __owner = 0, before the word is released:
        sw      zero, 4(a0)             # __count = 0   once it is, another thread may own
        lw      t0, 12(a0)              #               the mutex and write them
        addi    t0, t0, -1
        sw      t0, 12(a0)              # __nusers--
        li      t0, 1
        cas.w   t0, zero, 0(a0)         # release the word from 1 to 0
        addi    t0, t0, -1
        bne     t0, zero, .Lunlock_wake # it was 2: a waiter may sleep, __unlock wakes it
        li      a0, 0
        ret
.Lunlock_wake:
        j       __pthread_mutex_unlock_wake
.Lunlock_slow:
        j       __pthread_mutex_unlock_slow
        .size   pthread_mutex_unlock, . - pthread_mutex_unlock

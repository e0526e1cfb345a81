# The futex calls a lock makes: none without contention (Drepper's third state), and a
# waiter that sleeps in FUTEX_WAIT rather than polling.
title: no system call when uncontended; a waiting thread sleeps
points: 20
expect: futex_only_when_needed.expected

# Mutual exclusion, and waiters that sleep: a spinning lock fails the second line.
title: a mutex keeps a shared counter exact, and its waiters sleep
points: 20
expect: mutex_counter.expected

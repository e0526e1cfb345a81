# Mutual exclusion, and waiters that sleep: a spinning lock fails the second line.
title: a mutex keeps a shared counter exact, and its waiters sleep
points: 20
expect: mutex_counter.expected
# Every schedule of a hundred (PCT, as ./clonix explore) must pass too, not only the seeds.
explore: 100
timeout: 60

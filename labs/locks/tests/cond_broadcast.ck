title: a broadcast wakes every waiter, a signal at least one
points: 20
expect: cond_broadcast.expected

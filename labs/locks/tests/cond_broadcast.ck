title: a broadcast wakes every waiter, a signal at least one
points: 20
expect: cond_broadcast.expected
# Every schedule of a hundred (PCT, as ./clonix explore) must pass too, not only the seeds.
explore: 100
timeout: 60

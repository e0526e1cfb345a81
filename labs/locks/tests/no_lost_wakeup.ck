# The race between a signal and a wait needs two CPUs to show: on one, the waiter is
# rarely preempted between releasing the mutex and falling asleep.
title: no wake-up is lost when a signal races a wait
points: 20
seeds: 1 2 3
cpus: 2 4
expect: no_lost_wakeup.expected
# Fifty explored schedules (PCT, as ./clonix explore) must pass too, not only the seeds.
explore: 50
timeout: 60

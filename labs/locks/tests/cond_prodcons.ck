title: producers and consumers on a bounded buffer with two condition variables
points: 20
expect: cond_prodcons.expected
# Fifty explored schedules (PCT, as ./clonix explore) must pass too, not only the seeds.
explore: 50
timeout: 60

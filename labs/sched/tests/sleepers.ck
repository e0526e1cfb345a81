title: a task that slept gets its share on waking, no burst and no loss
points: 20
options: --sched stride
expect: sleepers.expected
seeds: 1 2 3
cpus: 1 4
# A run takes about 0.1 s of virtual time; a policy that starves a task is stopped after 1 s.
time-limit: 1
timeout: 30

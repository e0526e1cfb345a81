title: a task forked late gets its share from the start, no more
points: 20
options: --sched stride
expect: newcomer.expected
seeds: 1 2 3
cpus: 1 4
# A run takes about 0.1 s of virtual time; a policy that starves a task is stopped after 1 s.
time-limit: 1
timeout: 30

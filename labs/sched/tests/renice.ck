title: a nice value changed while tasks run takes effect at once
points: 20
options: --sched stride
expect: renice.expected
seeds: 1 2 3
cpus: 1 4
# A run takes about 0.1 s of virtual time; a policy that starves a task is stopped after 1 s.
time-limit: 1
timeout: 30

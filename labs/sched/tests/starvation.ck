title: a task of nice 19 gets its small share and never starves
points: 15
options: --sched stride
expect: starvation.expected
seeds: 1 2 3
cpus: 1 4
# A run takes about 0.1 s of virtual time; a policy that starves a task is stopped after 1 s.
time-limit: 1
timeout: 30

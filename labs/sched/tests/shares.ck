title: CPU-bound tasks share a CPU by the weights of their nice values
points: 25
options: --sched stride
expect: shares.expected
seeds: 1 2 3
cpus: 1 4
# A run takes about 0.1 s of virtual time; a policy that starves a task is stopped after 1 s.
time-limit: 1
timeout: 30

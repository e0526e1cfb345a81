title: CPU-bound tasks share a CPU by the weights of their nice values
points: 25
options: --sched stride
expect: shares.expected

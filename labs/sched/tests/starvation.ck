title: a task of nice 19 gets its small share and never starves
points: 15
options: --sched stride
expect: starvation.expected

title: a nice value changed while tasks run takes effect at once
points: 20
options: --sched stride
expect: renice.expected

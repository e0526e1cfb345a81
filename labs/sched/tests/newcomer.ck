title: a task forked late gets its share from the start, no more
points: 20
options: --sched stride
expect: newcomer.expected

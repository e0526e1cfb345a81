title: a task that slept gets its share on waking, no burst and no loss
points: 20
options: --sched stride
expect: sleepers.expected

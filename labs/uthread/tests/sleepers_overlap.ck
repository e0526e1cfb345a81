# Four user threads sleep 100 ms each in uthread_nanosleep, from a pool of one LWP: with
# growth the sleeps overlap (about 100 ms in all), without it they take turns (400 ms).
title: blocking calls of different threads overlap once the pool grows
points: 10
expect: sleepers_overlap.expected

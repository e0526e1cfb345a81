# 24 user threads, each yielding between steps and counting under a mutex, on pools of
# 1 to 4 LWPs set with uthread_setconcurrency.
title: user threads all finish with the right results on pools of 1 to 4 LWPs
points: 15
expect: pool_sizes.expected

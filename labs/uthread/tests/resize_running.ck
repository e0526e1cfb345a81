# Eight workers yield in a loop while main sets the level to 4, 2, 1 and 3; after each
# change the kernel must see that many LWPs and the workers must run on exactly that many.
title: the pool follows uthread_setconcurrency up and down while threads run
points: 20
expect: resize_running.expected

# Three readers block in uthread_read on empty pipes before the writer runs, on one LWP:
# only a pool that grows when every LWP is blocked gets the writer to run. A pool that
# does not grow deadlocks, which the kernel reports ("deadlock: no task can run again").
title: the pool grows when every LWP is blocked in read while a writer is ready
points: 20
expect: grow_on_read.expected

# getpid, gettid and getppid in a thread; CLONE_CHILD_CLEARTID; ECHILD for a thread; the EINVAL rules.
title: CLONE_THREAD: one pid, a tid each, no waiting for a thread
points: 15
expect: thread_group.expected

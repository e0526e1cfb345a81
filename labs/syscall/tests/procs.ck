# procs counts every task, threads and zombies included, as /proc/loadavg does.
title: procs counts threads, children and zombies
points: 15
expect: procs.expected

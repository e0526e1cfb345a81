# loads[3] are /proc/loadavg's averages with SI_LOAD_SHIFT bits of fraction; three 5-second samples first.
title: loads are /proc/loadavg's, shifted to SI_LOAD_SHIFT
points: 10
time-limit: 30
expect: loads.expected

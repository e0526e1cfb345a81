# With four LWPs and nothing to run (main asleep, then threads waiting on a mutex whose
# holder sleeps), the process uses almost no CPU; lowering the level makes idle LWPs leave.
title: idle LWPs sleep instead of spinning, and leave when the level drops
points: 10
expect: idle_lwps_sleep.expected

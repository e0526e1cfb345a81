# uptime is the seconds since boot rounded up, as do_sysinfo rounds, and agrees with /proc/uptime.
title: uptime is /proc/uptime's seconds, rounded up
points: 15
expect: uptime_seconds.expected

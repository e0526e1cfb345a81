# Fork in a loop (children and grandchildren that write, a parent that writes too), then
# MemFree must be back where it was.
title: no frame leaked after forks, writes and exits
points: 15
expect: no_leak.expected

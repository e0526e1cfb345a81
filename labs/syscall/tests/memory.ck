# The memory fields are /proc/meminfo's, in mem_unit bytes, and MAP_SHARED pages count as sharedram.
title: memory figures are /proc/meminfo's
points: 15
expect: memory.expected

# struct sysinfo in <sys/sysinfo.h> has Linux's x86-64 layout, and the call returns 0 with mem_unit 1.
title: struct sysinfo has Linux's layout and the call works
points: 15
expect: layout.expected

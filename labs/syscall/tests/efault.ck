# A pointer that does not lead to 112 writable bytes is EFAULT; an untouched page is faulted in.
title: a bad pointer is EFAULT, never a crash
points: 10
expect: efault.expected

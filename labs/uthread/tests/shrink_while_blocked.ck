# The level drops to 1 while every other LWP is blocked in the kernel and a writer the
# readers need is ready: the LWP running it must stay until the writer has run.
title: lowering the level never strands ready threads behind blocked LWPs
points: 10
expect: shrink_while_blocked.expected

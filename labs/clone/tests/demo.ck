# The program of the article Clonix follows, both ways (userland/bin/clone_demo.c).
title: the article's clone demo: CLONE_FILES shares the descriptor table
points: 10
expect: demo.expected

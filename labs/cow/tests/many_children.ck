# Sixteen children alive at once over 4 MiB, each writing pages of its own.
title: many children share the pages they do not write
points: 10
expect: many_children.expected

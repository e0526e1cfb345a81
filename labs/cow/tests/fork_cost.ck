# Fork of a process with 4 MiB written, then exec in the child.
title: fork copies no page, then the child can exec
points: 20
expect: fork_cost.expected

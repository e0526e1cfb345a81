# exit_group from a thread, a return from main, a thread's silent exit, a leader that exits first.
title: thread-group exit: exit_group, the zombie leader, the wait status
points: 20
expect: group_exit.expected

# Four rounds of 48 threads (bounded buffer, pipe readers and writers) while main changes
# the level under them and blocked readers make the pool grow: every thread runs once and
# is joined with its result, and the pool comes back to one LWP.
title: no thread is lost or run twice while the pool grows and shrinks
points: 15
expect: no_lost_threads.expected

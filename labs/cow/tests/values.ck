# Correct values after fork, with the two sides taking turns through pipes.
title: parent and child each see their own writes after fork
points: 20
expect: values.expected

# Frame accounting: k pages written after fork cost k frames; once the child has gone, the
# parent's writes cost none.
title: writing k pages after fork costs k frames
points: 20
expect: write_cost.expected

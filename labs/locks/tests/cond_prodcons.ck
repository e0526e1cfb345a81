title: producers and consumers on a bounded buffer with two condition variables
points: 20
expect: cond_prodcons.expected

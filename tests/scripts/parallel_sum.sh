# part of lab: clone
# An array summed in slices by several threads, each on the CPU sched_getcpu reports; taskset pins them all to CPU 0.
parallel_sum
parallel_sum 2 1000 7
taskset 1 parallel_sum

# part of lab: locks clone
# A racy counter loses updates on several CPUs; a mutex or an atomic add keeps every one.
race
race mutex
race atomic
race racy 2 5000
nproc

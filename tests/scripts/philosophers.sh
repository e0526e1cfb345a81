# part of lab: locks clone
# The naive dining philosophers deadlock (the shell reports every thread waiting on a futex); lock ordering fixes it.
philosophers
echo status $?
philosophers ordered
philosophers ordered 8 2

# part of lab: clone
# Threads advancing in phases with a barrier: each phase's values are the same whichever thread prints them.
barrier_phases
barrier_phases 8 3

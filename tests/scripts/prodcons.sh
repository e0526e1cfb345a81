# part of lab: clone
# Producers and consumers through a bounded buffer: every item is consumed once, whatever the schedule.
prodcons
prodcons 4 4 500 1
prodcons 0
echo status $?

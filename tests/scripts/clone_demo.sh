# part of lab: clone
# The article's demo: a clone() child sharing the descriptor table (CLONE_FILES) closes the parent's file too.
clone_demo
clone_demo copy
clone_demo bogus
echo status $?

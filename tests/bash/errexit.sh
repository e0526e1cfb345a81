# set -e: a failing command ends the script with its status, except where its status is
# tested: in if, while and until conditions, left of && and ||, after !, and in functions
# called there; a command substitution does not inherit it (bash's default). set +e turns it
# off; $- shows it.
set -e
case $- in *e*) echo "set -e shows in \$-" ;; esac
if false; then echo never; else echo "if condition may fail"; fi
while false; do echo never; done
until true; do echo never; done
false || echo "left of || may fail"
false && echo never
echo "left of && may fail"
! true
echo "after ! may fail"
f() { false; echo "in f after false (tested)"; }
if f; then echo "f as a condition"; fi
f || echo never
set +e
false
echo "set +e: status $?"
set -e
x=$(false; echo still in the substitution)
echo "$x"
g() { echo "g runs"; false; echo never; }
g
echo never reached

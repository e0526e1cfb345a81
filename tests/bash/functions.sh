# Functions: arguments, $#, return status, recursion, local, shift, the caller's
# positional parameters restored, redefinition and unset -f.
show() { echo "$# args: $*"; }
show
show a "b c" d
fact() {
    if [ $1 -le 1 ]; then echo 1; return; fi
    local sub=$(fact $(($1 - 1)))
    echo $(($1 * sub))
}
fact 10
fib() { if [ $1 -lt 2 ]; then echo $1; else echo $(( $(fib $(($1 - 1))) + $(fib $(($1 - 2))) )); fi; }
fib 12
counter=0
bump() { counter=$((counter + 1)); }
bump; bump; bump; echo counter $counter
scoped() { local counter=100; counter=$((counter + 1)); echo inside $counter; }
scoped; echo outside $counter
unset z
setz() { local z; z=set; echo "in [$z]"; }
setz; echo "after [${z-unset}]"
status() { return $1; }
status 0; echo $?
status 3; echo $?
status 255; echo $?
last() { false; }
last; echo last status $?
args() { while [ $# -gt 0 ]; do echo "arg $1"; shift; done; }
args x "y z"
set -- outer1 outer2
inner() { set -- replaced; echo "inner $1"; }
inner; echo "outer $1 $2"
greet() { echo first; }
greet() { echo second; }
greet
unset -f greet
greet 2>/dev/null || echo "greet is gone: $?"
loop() { for i in 1 2 3; do if [ $i = 2 ]; then return 9; fi; echo loop $i; done; }
loop; echo loop returned $?
redirected() { echo to a file; } > /tmp/clonix_fn_out
redirected; cat /tmp/clonix_fn_out; rm /tmp/clonix_fn_out
piped() { echo piped one; echo piped two; }
piped | wc -l

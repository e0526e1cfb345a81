# The options of set and of the command line: -e ends the shell when a command fails, but
# not in a condition (if, while, until, the left of && and ||, !); -u makes an unset
# parameter an error; -x shows each command; $- lists them; sh -e, sh -x -c, sh -ec.
echo "options at start: [$-]"
set -e
echo "after set -e: [$-]"
if false; then echo never; fi
false || echo "or-list: no exit"
false && echo never
! true
while false; do :; done
f() { false; echo "in a condition, the function goes on"; }
if f; then echo "f succeeded"; fi
echo still running
set +e
false
echo "set +e: no exit"
sh -c 'set -e; echo before; false; echo not reached'; echo "set -e exit: $?"
sh -c 'set -e; (exit 3); echo not reached'; echo "subshell: $?"
sh -c 'set -e; false | true; echo a pipeline ending in true goes on'
sh -c 'set -e; true && false; echo not reached'; echo "last of and-list: $?"
sh -e -c 'echo from sh -e; false; echo not reached'; echo "sh -e: $?"
sh -ec 'false; echo not reached'; echo "sh -ec: $?"
sh -c 'set -u; echo "${unset_var-default is fine}"; echo $unset_var; echo not reached'; echo "set -u: $?"
sh -c 'set -u; echo ${#unset_var}'; echo "set -u length: $?"
sh -c 'set -u; set -- a; echo $1 "$@"; echo $2'; echo "set -u positional: $?"
sh -x -c 'x=1; echo traced $x; y=2 true'
sh -c 'set -x; for i in 1 2; do echo $i; done; set +x; echo untraced'
sh -c 'set -eux; echo "$-"'
sh -c 'set -q'; echo "illegal option: $?"
sh -q -c 'echo never'; echo "illegal command-line option: $?"
sh -c 'set -- a b; set -e; echo "$# after set -e"; set --; echo "$# after set --"'

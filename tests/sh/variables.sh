# Variables: assignment, export to commands, assignments before a command (only for it),
# unset, set -- and shift, $# $? $0, read with IFS, eval, . and the environment.
a=1 b=2
echo $a $b
export SH_EXPORTED=visible
SH_LOCAL=invisible
env | grep '^SH_'
SH_PREFIX=only-for-env env | grep '^SH_PREFIX'
echo "after the command: [${SH_PREFIX-unset}]"
SH_LOCAL=now-exported; export SH_LOCAL
env | grep -c '^SH_'
unset SH_EXPORTED
env | grep -c '^SH_EXPORTED'
export SH_LATER
SH_LATER=set-after-export
env | grep '^SH_LATER'
set -- a b c d e
echo $# $1 $5
shift; echo $# $1
shift 2; echo $# $1 $*
set --; echo $# [$*]
echo "a:b:c" > /tmp/sh_read.txt
IFS=: read x y < /tmp/sh_read.txt
echo "x=$x y=$y IFS=[${IFS-unset}]"
echo "  leading and trailing  " > /tmp/sh_read.txt
read line < /tmp/sh_read.txt; echo "[$line]"
read -r first rest < /tmp/sh_read.txt; echo "[$first] [$rest]"
rm /tmp/sh_read.txt
cmd='echo evaluated; v=from-eval'
eval "$cmd"; echo $v
eval 'for i in 1 2; do echo eval loop $i; done'
echo 'sourced=yes; echo in the sourced file' > /tmp/sh_dot.sh
. /tmp/sh_dot.sh; echo sourced=$sourced
rm /tmp/sh_dot.sh
f() { local_like=$1; }
f changed; echo $local_like
x=outer; f2() { x=inner; }; f2; echo $x
unset -f f2; f2 2>/dev/null; echo after unset -f: $?
echo $((0x10 + 010)) $(( 3 > 2 ? 10 : 20 )) $((0 ? 1 : 2))
cd /tmp; cd /; cd -; pwd; cd "$OLDPWD"; pwd

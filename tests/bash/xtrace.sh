# set -x prints each command after expansion, with words quoted as the shell would read them.
x='two words'
set -x
echo $x "$x"
y=$((1 + 2))
[ "$y" -eq 3 ] && echo three
for i in 1 2; do echo $i; done
f() { echo "in f $1"; }
f 'a b'
set +x
echo off

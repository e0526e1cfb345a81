# Every built-in that changes the shell itself, and help.
pwd
cd /usr/include
pwd
echo $PWD
cd
pwd
cd /no/such/dir
cd a b
export GREETING=hello
env | grep GREETING
NAME=world
echo "$GREETING, $NAME"
env | grep NAME
unset GREETING
echo "[$GREETING]"
true
echo $?
false
echo $?
help cd
help nosuch
help | head -n 4
history | head -n 3
help | grep 'send a signal'
kill -l | head -n 2
cd /tmp | cat
pwd
exit 9 | cat
echo still in the shell, status $?
exit 7
echo not reached

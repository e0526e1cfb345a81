# Mistakes give one line each and the session goes on. A command naming something the shell
# cannot run gets bash's status: 126 when something is there (a directory, a file without an
# execute bit, a /proc file), 127 when nothing is; strace reports the same.
nosuchcommand
echo $?
./nosuch
/usr
echo $?
/proc/self/status
echo $?
/tmp/no/such
echo $?
strace /proc/1/maps
echo $?
echo | ;
echo a && && echo b
| echo x
echo ok ;; echo
cat < /no/file
echo > /no/dir/file
echo a 2000> x
echo b 1>&5000
echo ${1}${10} empty positional parameters
kill -FOO 1
kill 99999
kill %7
fg
wait %3
timeline 5
cd /bin/echo
head -1 < /proc/self/status
echo still here
exit abc
echo not reached

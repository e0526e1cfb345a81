# Mistakes give one line each and the session goes on.
nosuchcommand
./nosuch
/usr
echo |
echo a && && echo b
echo "unterminated
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
echo still here
exit abc
echo not reached

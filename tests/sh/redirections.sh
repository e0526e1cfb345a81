# Redirections: > >> < 2> 2>&1 >&2 <& <> and closing, on simple and compound commands,
# with exec for the shell itself, and pipelines.
cd /tmp
echo first > sh_redir.txt
echo second >> sh_redir.txt
cat < sh_redir.txt
cat sh_redir.txt | wc -l
ls /nonexistent_dir 2> sh_err.txt; echo ls status $?
grep -c nonexistent_dir sh_err.txt
ls /nonexistent_dir > sh_both.txt 2>&1; cat sh_both.txt | grep -c 'No such'
echo to stderr >&2 2>/dev/null
{ echo group out; echo group err >&2; } 2>/dev/null
for i in 1 2 3; do echo loop $i; done > sh_loop.txt
cat sh_loop.txt
while read line; do echo "read: $line"; done < sh_loop.txt
if true; then echo in if; fi | cat
exec 3> sh_fd3.txt
echo through descriptor 3 >&3
echo again >&3
exec 3>&-
cat sh_fd3.txt
exec 4< sh_loop.txt
read a <&4; read b <&4
echo "$a / $b"
exec 4<&-
echo rw > sh_rw.txt
cat 0<> sh_rw.txt
echo one two three | { read x y; echo "x=$x y=$y"; }
echo a b | cat | cat | tr_missing_command 2>/dev/null; echo pipeline status $?
echo ok | grep -q ok && echo grep found it
yes | head -3
echo last > sh_out.txt; : > sh_out.txt; wc -c < sh_out.txt
2>/dev/null; echo redirection alone is fine
x=1 > sh_assign.txt; echo assignment with redirection $x
cat < /nonexistent_file; echo status $?
echo hi > /nonexistent_dir/file; echo status $?
echo hi >&9; echo status $?
rm sh_redir.txt sh_err.txt sh_both.txt sh_loop.txt sh_fd3.txt sh_rw.txt sh_out.txt sh_assign.txt

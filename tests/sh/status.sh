# Exit statuses and error messages, as dash gives them: not found (127), not executable
# (126), killed by a signal (128+n), special built-ins' errors ending the shell, syntax errors.
nosuch_command; echo not found: $?
/tmp; echo a directory: $?
echo 'echo run as a script; exit 5' > /tmp/sh_noexec.sh
/tmp/sh_noexec.sh; echo no execute permission: $?
sh /tmp/sh_noexec.sh; echo run by sh: $?
rm /tmp/sh_noexec.sh
sh -c 'kill -TERM $$'; echo killed: $?
sh -c 'kill -KILL $$'; echo killed: $?
sh -c 'exit 300'; echo exit 300: $?
sh -c 'false; exit'; echo exit without status: $?
sh -c 'exit abc'; echo exit abc: $?
sh -c 'shift 3; echo not reached'; echo shift: $?
sh -c 'set -q; echo not reached'; echo set: $?
sh -c 'export 1x=2; echo not reached'; echo export: $?
sh -c ': > /nonexistent_dir/x; echo not reached'; echo special redirection: $?
sh -c 'true > /nonexistent_dir/x; echo reached'; echo regular redirection: $?
sh -c 'cd /nonexistent_dir; echo reached $?'
sh -c 'echo ${unset_var?is not set}; echo not reached'; echo parameter error: $?
sh -c 'echo ${unset_var?}'; echo parameter error: $?
sh -c 'echo $((1 / 0))'; echo division: $?
sh -c 'echo $((1 +))'; echo arithmetic: $?
sh -c 'if true; then echo'; echo syntax: $?
sh -c 'echo )'; echo syntax: $?
sh -c 'for 1 in a; do :; done'; echo syntax: $?
sh -c 'echo "open'; echo syntax: $?
sh -c 'echo before
echo line two )
echo not reached'; echo syntax on line 2: $?
sh -c 'x=$(exit 3); echo assignment status $?'
sh -c 'x=$(false) true; echo command status $?'
sh -c 'read'; echo read: $?
sh -c '. /nonexistent_file; echo not reached'; echo dot: $?
sh -c 'test 1 -gt; echo test: $?'
sh -c 'test abc -eq 1; echo test: $?'
sh -c '[ 1 = 1; echo test: $?'
sh -c 'echo $0 $1 $2 $#' name first second
sh -c 'wait 999999; echo wait: $?'
sh nonexistent_script.sh; echo no script: $?
echo 'echo from standard input; exit 6' | sh; echo stdin script: $?
sh -c 'fi'; sh -c 'echo a; done'; sh -c 'while'; sh -c 'case'; sh -c 'case x in a) ;; b'
sh -c 'for x in a b; echo $x; done'; sh -c 'echo a ('; sh -c 'echo $((1+'; sh -c 'echo ${x'
sh -c 'echo `echo'; sh -c '{ }'; sh -c 'if true; fi'; echo syntax: $?
sh -c 'kill -TERM $$' | true; echo pipeline member killed: $?
sleep 5 & kill $!; wait $!; echo background job killed: $?

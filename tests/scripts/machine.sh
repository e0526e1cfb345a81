# The machine console: cpus, trace, timeline, strace.
cpus
trace
echo traced | wc -c
timeline 50
trace off
trace
trace on
timeline
sleep 1 & echo a | cat
timeline 60
trace export
strace /bin/echo hi
strace true
strace
cpus

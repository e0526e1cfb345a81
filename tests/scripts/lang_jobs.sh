# Process groups and status in scripts: kill -PGID and kill -- -PGID as in bash, kill -1
# (signal 1, no pid) and kill -9 -1 (every process), $! and $$, the status of a program killed by a signal, and exit.
sleep 100 | sleep 100 &
pgid=$(ps -o pgid= -p $!)
echo "the job's group leads with the first stage: $((pgid + 1 == $!))"
kill -TERM -$((pgid))
wait
sleep 100 &
kill -- -$!
wait $!
echo "kill -- -PGID: status $?"
kill -1
echo "kill -1 alone: status $?"
echo "sh is pid $$"
sleep 100 &
kill -9 $!
wait $!
echo "SIGKILL gives $?"
sleep 100 &
sleep 200 &
kill -9 -1
wait
jobs
echo "kill -9 -1 killed every job: status $?"
f() { return 4; }
f || exit $?
echo not reached

# Job control: background jobs, jobs, kill with job specs, wait, fg; ps shows sh as the parent.
sleep 100 &
sleep 1 &
jobs
echo last background pid $!
ps -f
kill %1
jobs
wait
jobs
sleep 2 &
fg %1
echo fg status $?
sleep 50 &
kill -INT %+
sleep 60 &
kill -9 $!
wait
yes > /dev/null &
kill -STOP %1
jobs
bg %1
kill %1
bg
sleep 100 &

# The console's foreground process group: a background job that reads the console is stopped
# by SIGTTIN, fg gives it the terminal (console input is at end of file in batch mode, so cat
# ends); ps shows the controlling terminal and '+' for the foreground group (ps's own job).
cat &
sleep 1
jobs
ps -o pid,pgid,sid,tpgid,stat,tty,comm
ps
fg
echo fg status $?
/bin/echo background writes are allowed &
wait
ps -e -o pid,sid,tty,stat,comm

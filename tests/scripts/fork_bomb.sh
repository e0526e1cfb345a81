# part of lab: locks
# A fork bomb can be recovered from: its job lasts as long as its process group, and kill
# reaches the group by job spec (%1), by -PGID (after --, or after the signal) and with -1;
# so does the program /bin/kill.
cd /tmp
echo '#include <unistd.h>' > tree.c
echo 'int main(void) { for (int i = 0; i < 4; i++) fork(); for (;;) pause(); }' >> tree.c
cc tree.c -o tree
./tree &
sleep 0.01
ps -o pid,ppid,pgid,stat,comm
kill -9 %1
jobs
ps
./tree &
sleep 0.01
kill -9 $!
jobs
ps -o pid,ppid,pgid,stat,comm
kill -9 -$!
jobs
ps
./tree &
sleep 0.01
kill -s KILL -- -$!
ps
./tree &
sleep 0.01
kill -STOP %1
jobs
kill -- -$!
ps
./tree &
./tree &
sleep 0.01
kill -9 -1
jobs
ps
./tree &
sleep 0.01
/bin/kill -9 -$!
./tree &
./tree &
sleep 0.01
/bin/kill -s KILL -1
jobs
ps

# The shell's task (pid 2) is unkillable, as init is: a signal it has no handler for is
# discarded, SIGKILL and SIGSTOP too, whether the shell or a program sends it.
kill -9 2
kill -STOP 2
kill -s KILL 0
kill -9 -2
echo the session goes on
ps -o pid,pgid,stat,comm
cd /tmp
echo '#include <signal.h>' > killall.c
echo '#include <stdio.h>' >> killall.c
echo 'int main(void) {' >> killall.c
echo '    printf("kill(2, SIGKILL) = %d\n", kill(2, SIGKILL));' >> killall.c
echo '    printf("kill(2, SIGSTOP) = %d\n", kill(2, SIGSTOP));' >> killall.c
echo '    printf("kill(1, SIGKILL) = %d\n", kill(1, SIGKILL));' >> killall.c
echo '    printf("kill(-1, SIGKILL) = %d\n", kill(-1, SIGKILL));' >> killall.c
echo '    printf("the caller is still here\n");' >> killall.c
echo '    return 0;' >> killall.c
echo '}' >> killall.c
cc killall.c -o killall
sleep 100 &
yes > /dev/null &
./killall
jobs
ps -o pid,pgid,stat,comm
echo still here

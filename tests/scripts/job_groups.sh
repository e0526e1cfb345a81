# A job is its process group: it lasts while any process of the group lives, and what a
# program does to groups, parents and the terminal never leaves the shell confused.
cd /tmp
echo '#include <unistd.h>' > outlive.c
echo 'int main(void) { if (fork() == 0) { usleep(20000); return 0; } return 3; }' >> outlive.c
cc outlive.c -o outlive
./outlive &
sleep 0.001
jobs
ps -o pid,ppid,pgid,stat,comm
sleep 0.03
jobs
echo '#include <unistd.h>' > sibling.c
echo '#include <sys/syscall.h>' >> sibling.c
echo 'int main(void) { if (syscall(SYS_clone, 0x8000 | 17, 0, 0, 0, 0) == 0) { usleep(1000); return 7; } return 0; }' >> sibling.c
cc sibling.c -o sibling
./sibling
ps -o pid,ppid,pgid,stat,comm
echo '#include <stdio.h>' > leave.c
echo '#include <unistd.h>' >> leave.c
echo 'int main(void) { printf("setpgid into the shell group: %d\n", setpgid(0, getppid())); fflush(stdout); pause(); }' >> leave.c
cc leave.c -o leave
./leave
ps -o pid,ppid,pgid,stat,comm
echo '#include <stdio.h>' > grab.c
echo '#include <unistd.h>' >> grab.c
echo 'int main(void) { char c; printf("tcsetpgrp to the shell group: %d\n", tcsetpgrp(0, getppid())); fflush(stdout); return read(0, &c, 1); }' >> grab.c
cc grab.c -o grab
./grab
jobs
kill %1
ps -o pid,ppid,pgid,stat,comm

# A program compiled inside the guest deadlocks on two pipes: the shell reports it and goes on.
cd /tmp
echo '#include <unistd.h>' > deadlock.c
echo 'int main(void) { int a[2], b[2]; char c; pipe(a); pipe(b);' >> deadlock.c
echo '  if (fork() == 0) { read(a[0], &c, 1); write(b[1], "x", 1); return 0; }' >> deadlock.c
echo '  read(b[0], &c, 1); write(a[1], "y", 1); return 0; }' >> deadlock.c
cc deadlock.c -o deadlock
./deadlock
echo status $?
ps

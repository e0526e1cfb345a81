# cc inside the guest: compile, run, diagnostics, -c and -S.
cd /tmp
echo '#include <stdio.h>' > hello.c
echo 'int main(int argc, char **argv) { printf("hello from %s with %d args\n", argv[0], argc); return 3; }' >> hello.c
cc hello.c -o hello
./hello a b
echo status $?
cc -c hello.c
cc -S hello.c
ls
echo 'int main(void) { return undefined_thing; }' > broken.c
cc broken.c
echo status $?
cc
cc missing.c
echo '#include <unistd.h>' > fork.c
echo '#include <sys/wait.h>' >> fork.c
echo 'int main(void) { if (fork() == 0) return 2; int st; wait(&st); return WEXITSTATUS(st) + 1; }' >> fork.c
cc fork.c -o fork
strace ./fork
echo status $?

# strace in the shell: the exec the shell performs for the program is its first line, as with
# Linux's strace; a signal that kills the program is shown, then how it ended.
cd /tmp
echo '#include <signal.h>' > interrupted.c
echo 'int main(void) { raise(SIGINT); return 0; }' >> interrupted.c
cc interrupted.c -o interrupted
strace ./interrupted
echo status $?
strace /bin/nonexistent

/*
 * flock(2): whole-file locks that belong to the open file description. Two opens of one
 * file conflict even in one process; a dup or a fork child shares the description, and so
 * the lock (an unlock through the child's copy unlocks it for the parent); converting a
 * lock, LOCK_NB's EWOULDBLOCK, a sleeper woken by the description's last close, flock and fcntl locks
 * not seeing each other, and the errors in Linux's order.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#define PATH "/tmp/flock_whole_file.dat"

static void report(const char *what, int r) {
    printf("%s: %s\n", what, r == 0 ? "ok" : strerror(errno));
}

int main(void) {
    int a = open(PATH, O_RDWR | O_CREAT | O_TRUNC, 0644);
    int b = open(PATH, O_RDONLY);
    int p[2];
    char c;
    printf("LOCK_SH %d LOCK_EX %d LOCK_NB %d LOCK_UN %d\n", LOCK_SH, LOCK_EX, LOCK_NB, LOCK_UN);
    report("exclusive on a", flock(a, LOCK_EX));
    report("exclusive on a again", flock(a, LOCK_EX));
    report("shared on b, not waiting", flock(b, LOCK_SH | LOCK_NB));
    report("a converts to shared", flock(a, LOCK_SH));
    report("shared on b", flock(b, LOCK_SH | LOCK_NB));
    report("exclusive on b while a shares", flock(b, LOCK_EX | LOCK_NB));
    report("b unlocks", flock(b, LOCK_UN));
    report("b unlocks again", flock(b, LOCK_UN));

    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = F_WRLCK;
    report("an fcntl lock beside it", fcntl(a, F_SETLK, &fl));

    int d = dup(a);
    report("exclusive through a dup of a", flock(d, LOCK_EX | LOCK_NB));
    close(d);
    report("exclusive on b after closing the dup", flock(b, LOCK_EX | LOCK_NB));

    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        report("child: exclusive on its copy of a", flock(a, LOCK_EX | LOCK_NB));
        report("child: unlock its copy of a", flock(a, LOCK_UN));
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    report("exclusive on b after the child's unlock", flock(b, LOCK_EX | LOCK_NB));
    report("and a cannot have it", flock(a, LOCK_SH | LOCK_NB));

    /* A sleeper: the child waits for a shared lock until b's description is closed. */
    pipe(p);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        int mine = open(PATH, O_RDONLY);
        close(b); /* else the description of b, and its lock, would live on in this copy */
        write(p[1], "x", 1);
        report("child: shared, waiting", flock(mine, LOCK_SH));
        fflush(stdout);
        _exit(0);
    }
    read(p[0], &c, 1);
    usleep(100000);
    printf("parent closes b\n");
    fflush(stdout);
    close(b);
    waitpid(pid, NULL, 0);

    report("operation 0", flock(a, 0));
    report("LOCK_SH|LOCK_EX", flock(a, LOCK_SH | LOCK_EX));
    report("LOCK_NB alone", flock(a, LOCK_NB));
    report("bad descriptor", flock(99, LOCK_SH));
    report("bad descriptor and bad operation", flock(99, 3));
    report("bad descriptor and LOCK_UN", flock(-1, LOCK_UN));
    close(a);
    unlink(PATH);
    return 0;
}

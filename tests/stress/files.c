/*
 * Open file descriptions: processes that each open a file until open is refused, EMFILE
 * when their own table is full, until the system refuses (ENFILE past file-max).
 */
#include "stress.h"
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

struct report { int opened; int err; };

static void child(int out) {
    struct report r = {0, 0};
    int fd = -1, last = -1;
    while ((fd = open("/tmp/target", O_RDONLY)) >= 0) {
        last = fd;
        r.opened++;
    }
    r.err = errno;
    close(last);
    report(out, &r, sizeof r);
    pause();
}

int main(int argc, char **argv) {
    int most = argc > 1 ? atoi(argv[1]) : 64;
    close(open("/tmp/target", O_CREAT | O_WRONLY, 0644));
    pid_t pids[1024];
    int made = 0, total = 0, err = 0;
    while (made < most && made < 1024) {
        int in;
        pid_t pid = spawn(child, &in);
        if (pid < 0) { err = errno; break; }
        pids[made++] = pid;
        struct report r;
        if (read(in, &r, sizeof r) != sizeof r) { printf("process %d could not report\n", made - 1); break; }
        close(in);
        total += r.opened;
        err = r.err;
        if (made == 1) printf("first process: %d files, then %s\n", r.opened, errname(r.err));
        if (r.err != EMFILE) break;
    }
    for (int i = 0; i < made; i++) kill(pids[i], SIGKILL);
    for (int i = 0; i < made; i++) waitpid(pids[i], 0, 0);
    printf("%d files in %d processes, then %s\n", total, made, errname(err));
    unlink("/tmp/target");
    return 0;
}

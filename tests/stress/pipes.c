/*
 * Pipes until the kernel refuses, each filled until the kernel refuses: the limits the
 * kernel applies to an unprivileged user (pipe-user-pages-soft, file-max) are lifted first,
 * so that what stops the program is memory. Workers of up to 1024 descriptors each make the
 * pipes and keep them open; the parent forks workers until one is refused by the system
 * rather than by its own descriptor table, then prints what happened.
 */
#include "stress.h"
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

struct report { int pipes; int pipe_errno; long bytes; int write_errno; };

static char page[4096];

/* Makes pipes until pipe2 fails, fills each, reports, then waits to be killed. */
static void worker(int out) {
    struct report r = {0, 0, 0, 0};
    int fds[2], first[2] = {-1, -1};
    while (pipe2(fds, O_NONBLOCK) == 0) {
        if (r.pipes++ == 0) { first[0] = fds[0]; first[1] = fds[1]; }
        for (;;) {
            long n = write(fds[1], page, sizeof page);
            if (n > 0) { r.bytes += n; continue; }
            if (errno != EAGAIN && r.write_errno == 0) r.write_errno = errno;
            break;
        }
    }
    r.pipe_errno = errno;
    close(first[0]); /* the first pipe's pages make room for the report */
    close(first[1]);
    report(out, &r, sizeof r);
    pause();
}

int main(int argc, char **argv) {
    int most = argc > 1 ? atoi(argv[1]) : 64;
    sysctl("/proc/sys/fs/pipe-user-pages-soft", "0");
    sysctl("/proc/sys/fs/file-max", "1000000");
    pid_t pids[256];
    int workers = 0, total = 0, pipe_errno = 0, write_errno = 0;
    long bytes = 0;
    while (workers < most && workers < 256) {
        int in;
        pid_t pid = spawn(worker, &in);
        if (pid < 0) { pipe_errno = errno; break; }
        pids[workers++] = pid;
        struct report r;
        if (read(in, &r, sizeof r) != sizeof r) { printf("worker %d could not report\n", workers); break; }
        total += r.pipes;
        bytes += r.bytes;
        if (r.write_errno != 0) write_errno = r.write_errno;
        pipe_errno = r.pipe_errno;
        if (r.pipe_errno != EMFILE) break;
    }
    for (int i = 0; i < workers; i++) kill(pids[i], SIGKILL);
    for (int i = 0; i < workers; i++) waitpid(pids[i], 0, 0);
    printf("%d pipes in %d processes, then %s\n", total, workers, errname(pipe_errno));
    printf("%ld MiB written into them, then %s\n", bytes >> 20, write_errno ? errname(write_errno) : "no error");
    return 0;
}

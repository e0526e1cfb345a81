/* A connected pair of AF_UNIX stream sockets (socketpair): data both ways, a child at the
   other end, shutdown and close as the peer sees them, SIGPIPE, and the socket as a file. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int sigpipes;

static void on_sigpipe(int sig)
{
    (void)sig;
    sigpipes++;
}

static void result(const char *what, long r)
{
    if (r < 0) printf("%s: -1 %s\n", what, strerror(errno));
    else printf("%s: %ld\n", what, r);
}

int main(void)
{
    int sv[2];
    char buf[64];
    setvbuf(stdout, NULL, _IONBF, 0);
    signal(SIGPIPE, on_sigpipe);

    result("socketpair", socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    printf("descriptors %d %d\n", sv[0], sv[1]);
    struct stat st;
    fstat(sv[0], &st);
    printf("S_ISSOCK %d mode %o size %ld\n", S_ISSOCK(st.st_mode), (unsigned)(st.st_mode & 07777), (long)st.st_size);
    result("lseek", lseek(sv[0], 0, SEEK_SET));

    /* Data both ways; a stream joins what one writer wrote. */
    result("write hello", write(sv[0], "hello ", 6));
    result("write world", write(sv[0], "world", 5));
    int avail = -1;
    ioctl(sv[1], FIONREAD, &avail);
    printf("FIONREAD %d\n", avail);
    long n = read(sv[1], buf, sizeof buf);
    printf("read %ld \"%.*s\"\n", n, (int)n, buf);
    result("send back", send(sv[1], "ok", 2, 0));
    n = recv(sv[0], buf, sizeof buf, MSG_PEEK);
    printf("peek %ld \"%.*s\"\n", n, (int)n, buf);
    n = recv(sv[0], buf, 1, 0);
    printf("recv 1: \"%.*s\"\n", (int)n, buf);
    n = recv(sv[0], buf, sizeof buf, 0);
    printf("recv rest: \"%.*s\"\n", (int)n, buf);
    result("recv empty, MSG_DONTWAIT", recv(sv[0], buf, sizeof buf, MSG_DONTWAIT));

    /* A child echoes in upper case until end of file. */
    pid_t pid = fork();
    if (pid == 0) {
        close(sv[0]);
        while ((n = read(sv[1], buf, sizeof buf)) > 0) {
            for (long i = 0; i < n; i++) if (buf[i] >= 'a' && buf[i] <= 'z') buf[i] -= 32;
            write(sv[1], buf, n);
        }
        _exit(n == 0 ? 0 : 1);
    }
    close(sv[1]);
    const char *words[] = {"one", "two", "three"};
    for (int i = 0; i < 3; i++) {
        write(sv[0], words[i], strlen(words[i]));
        n = read(sv[0], buf, sizeof buf);
        printf("echo \"%.*s\"\n", (int)n, buf);
    }
    result("shutdown SHUT_WR", shutdown(sv[0], SHUT_WR));
    int status;
    waitpid(pid, &status, 0);
    printf("child exited %d\n", WEXITSTATUS(status));
    result("read after the peer closed", read(sv[0], buf, sizeof buf));
    result("write after the peer closed", write(sv[0], "x", 1));
    printf("SIGPIPE %d\n", sigpipes);
    result("send MSG_NOSIGNAL", send(sv[0], "x", 1, MSG_NOSIGNAL));
    printf("SIGPIPE %d\n", sigpipes);
    close(sv[0]);

    /* shutdown(SHUT_RD) on one end makes the other's writes fail. */
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    result("shutdown SHUT_RD", shutdown(sv[1], SHUT_RD));
    result("write to a reader that shut down", write(sv[0], "x", 1));
    result("read on the end that shut down", read(sv[1], buf, sizeof buf));
    result("shutdown 3", shutdown(sv[1], 3));
    printf("SIGPIPE %d\n", sigpipes);
    close(sv[0]);
    close(sv[1]);

    /* Unread data at close: the peer's next read is ECONNRESET, then end of file. */
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    write(sv[0], "unread", 6);
    close(sv[1]);
    result("read after a close with unread data", read(sv[0], buf, sizeof buf));
    result("read again", read(sv[0], buf, sizeof buf));
    close(sv[0]);

    /* SOCK_NONBLOCK and SOCK_CLOEXEC. */
    socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv);
    printf("O_NONBLOCK %d FD_CLOEXEC %d\n", (fcntl(sv[0], F_GETFL) & O_NONBLOCK) != 0, fcntl(sv[1], F_GETFD));
    result("read on an empty non-blocking socket", read(sv[0], buf, sizeof buf));
    close(sv[0]);
    close(sv[1]);
    return 0;
}

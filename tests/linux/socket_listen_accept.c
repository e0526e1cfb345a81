#define _GNU_SOURCE
/* A server on a named AF_UNIX stream socket: bind creates the socket file, listen queues
   connections, accept takes them; names, peer credentials and the errors on the way. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define PATH "/tmp/socket_listen_accept.sock"

static void result(const char *what, long r)
{
    if (r < 0) printf("%s: -1 %s\n", what, strerror(errno));
    else printf("%s: %ld\n", what, r);
}

static struct sockaddr_un address(const char *path)
{
    struct sockaddr_un a;
    memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    strcpy(a.sun_path, path);
    return a;
}

static void show_name(const char *what, int fd, int peer)
{
    struct sockaddr_un a;
    socklen_t len = sizeof a;
    memset(&a, 'x', sizeof a);
    int r = peer ? getpeername(fd, (struct sockaddr *)&a, &len) : getsockname(fd, (struct sockaddr *)&a, &len);
    if (r < 0) printf("%s: -1 %s\n", what, strerror(errno));
    else printf("%s: length %u family %d path \"%s\"\n", what, len, a.sun_family, len > 2 ? a.sun_path : "");
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    unlink(PATH);
    umask(022);
    struct sockaddr_un a = address(PATH);
    int server = socket(AF_UNIX, SOCK_STREAM, 0);
    result("listen before bind", listen(server, 5));
    show_name("unbound name", server, 0);
    result("bind", bind(server, (struct sockaddr *)&a, sizeof a));
    show_name("bound name", server, 0);
    struct stat st;
    result("stat", stat(PATH, &st));
    printf("S_ISSOCK %d mode %o\n", S_ISSOCK(st.st_mode), (unsigned)(st.st_mode & 07777));
    result("open the socket file", open(PATH, O_RDWR));
    result("bind again", bind(server, (struct sockaddr *)&a, sizeof a));
    int other = socket(AF_UNIX, SOCK_STREAM, 0);
    result("bind a second socket to the name", bind(other, (struct sockaddr *)&a, sizeof a));
    result("connect before listen", connect(other, (struct sockaddr *)&a, sizeof a));
    result("listen", listen(server, 1));
    fcntl(server, F_SETFL, O_NONBLOCK);
    result("accept on a non-blocking listener", accept(server, NULL, NULL));
    fcntl(server, F_SETFL, 0);

    /* Two clients fill a backlog of 1; a third, non-blocking, is refused for now. */
    int c1 = socket(AF_UNIX, SOCK_STREAM, 0), c2 = socket(AF_UNIX, SOCK_STREAM, 0);
    int c3 = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
    result("connect 1", connect(c1, (struct sockaddr *)&a, sizeof a));
    result("connect 2", connect(c2, (struct sockaddr *)&a, sizeof a));
    result("connect 3, backlog full", connect(c3, (struct sockaddr *)&a, sizeof a));
    show_name("client's peer", c1, 1);
    show_name("client's name", c1, 0);
    write(c1, "from 1", 6);

    struct sockaddr_un from;
    socklen_t len = sizeof from;
    int s1 = accept(server, (struct sockaddr *)&from, &len);
    printf("accepted, address length %u\n", len);
    show_name("accepted socket's name", s1, 0);
    show_name("accepted socket's peer", s1, 1);
    char buf[64];
    long n = read(s1, buf, sizeof buf);
    printf("read \"%.*s\"\n", (int)n, buf);
    result("connect 1 again", connect(c1, (struct sockaddr *)&a, sizeof a));
    result("connect the listener", connect(server, (struct sockaddr *)&a, sizeof a));
    result("connect 3 now", connect(c3, (struct sockaddr *)&a, sizeof a));

    /* SO_PEERCRED: each side sees the other's pid. */
    struct ucred cred;
    socklen_t clen = sizeof cred;
    getsockopt(s1, SOL_SOCKET, SO_PEERCRED, &cred, &clen);
    printf("server sees the client's pid: %d, uid %d\n", cred.pid == getpid(), cred.uid == geteuid());
    int v;
    socklen_t vlen = sizeof v;
    getsockopt(server, SOL_SOCKET, SO_ACCEPTCONN, &v, &vlen);
    printf("SO_ACCEPTCONN listener %d\n", v);
    getsockopt(s1, SOL_SOCKET, SO_ACCEPTCONN, &v, &vlen);
    printf("SO_ACCEPTCONN accepted %d\n", v);

    /* A child accepts the rest and answers; the parent reads the answers in order. */
    pid_t pid = fork();
    if (pid == 0) {
        for (int i = 0; i < 2; i++) {
            int s = accept4(server, NULL, NULL, SOCK_CLOEXEC);
            struct ucred c;
            socklen_t cl = sizeof c;
            getsockopt(s, SOL_SOCKET, SO_PEERCRED, &c, &cl);
            char msg[64];
            int m = snprintf(msg, sizeof msg, "served %d, client is my parent %d, cloexec %d", i,
                             c.pid == getppid(), fcntl(s, F_GETFD));
            write(s, msg, m);
            close(s);
        }
        _exit(0);
    }
    int clients[] = {c2, c3};
    for (int i = 0; i < 2; i++) {
        struct ucred c;
        socklen_t cl = sizeof c;
        getsockopt(clients[i], SOL_SOCKET, SO_PEERCRED, &c, &cl);
        printf("client %d sees the listener's pid: %d\n", i + 2, c.pid == getpid());
        fcntl(clients[i], F_SETFL, 0);
        n = read(clients[i], buf, sizeof buf);
        printf("client %d read \"%.*s\"\n", i + 2, (int)n, buf);
        result("then", read(clients[i], buf, sizeof buf));
    }
    int status;
    waitpid(pid, &status, 0);
    printf("child exited %d\n", WEXITSTATUS(status));

    /* Connections still waiting when the listener closes are reset. */
    int c4 = socket(AF_UNIX, SOCK_STREAM, 0);
    result("connect 4", connect(c4, (struct sockaddr *)&a, sizeof a));
    close(server);
    result("read after the listener closed", read(c4, buf, sizeof buf));
    result("read again", read(c4, buf, sizeof buf));
    int c5 = socket(AF_UNIX, SOCK_STREAM, 0);
    result("connect to a closed listener", connect(c5, (struct sockaddr *)&a, sizeof a));
    result("bind the name of the closed listener", bind(c5, (struct sockaddr *)&a, sizeof a));
    result("unlink", unlink(PATH));
    result("connect after unlink", connect(c5, (struct sockaddr *)&a, sizeof a));
    int dgram = socket(AF_UNIX, SOCK_DGRAM, 0);
    result("listen on a datagram socket", listen(dgram, 1));
    struct sockaddr_un none = address("/tmp/no/such/dir/sock");
    result("bind in a missing directory", bind(c5, (struct sockaddr *)&none, sizeof none));
    struct sockaddr_un file = address("/tmp");
    result("connect to a directory", connect(c5, (struct sockaddr *)&file, sizeof file));
    result("bind", bind(c5, (struct sockaddr *)&a, sizeof a));
    result("listen with a negative backlog", listen(c5, -1));
    result("connect a stream socket to it", connect(c1, (struct sockaddr *)&a, sizeof a));
    result("connect a datagram socket to it", connect(dgram, (struct sockaddr *)&a, sizeof a));
    result("shutdown a listener", shutdown(c5, SHUT_RDWR));
    result("accept after shutdown", accept(c5, NULL, NULL));
    unlink(PATH);
    return 0;
}

/* AF_UNIX seqpacket sockets: connected like streams, but each send is one record that a
   receive takes whole or cut (MSG_TRUNC); the end of the peer is end of file, and a send
   to it is EPIPE without SIGPIPE. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
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
    setvbuf(stdout, NULL, _IONBF, 0);
    signal(SIGPIPE, on_sigpipe);
    int sv[2];
    result("socketpair", socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv));
    write(sv[0], "one", 3);
    write(sv[0], "two two", 7);
    write(sv[0], "", 0);
    write(sv[0], "three", 5);
    char buf[64];
    for (int i = 0; i < 3; i++) {
        long n = read(sv[1], buf, sizeof buf);
        printf("record %d: %ld \"%.*s\"\n", i, n, (int)n, buf);
    }
    result("recv 2 bytes of \"three\", MSG_TRUNC", recv(sv[1], buf, 2, MSG_TRUNC));
    int type;
    socklen_t len = sizeof type;
    getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &type, &len);
    printf("SO_TYPE %d\n", type);
    struct sockaddr_un a = {AF_UNIX, "/tmp/x"};
    result("sendto ignores the address", sendto(sv[0], "addressed", 9, 0, (struct sockaddr *)&a, sizeof a));
    result("read", read(sv[1], buf, sizeof buf));
    close(sv[1]);
    result("read after the peer closed", read(sv[0], buf, sizeof buf));
    result("write after the peer closed", write(sv[0], "x", 1));
    printf("SIGPIPE %d\n", sigpipes);
    close(sv[0]);

    int s = socket(AF_UNIX, SOCK_SEQPACKET, 0);
    result("send unconnected", send(s, "x", 1, 0));
    result("recv unconnected", recv(s, buf, sizeof buf, 0));
    close(s);
    return 0;
}

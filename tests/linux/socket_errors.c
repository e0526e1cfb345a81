#define _GNU_SOURCE
/* The errors of the socket calls, in Linux's order: bad descriptors, bad arguments, bad
   addresses and lengths, and options; plus what SO_SNDBUF and SO_RCVBUF store. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define BAD ((void *)8)

static void result(const char *what, long r)
{
    if (r < 0) printf("%s: -1 %s\n", what, strerror(errno));
    else printf("%s: %ld\n", what, r);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    result("socket, unknown flag", socket(AF_UNIX, SOCK_STREAM | 0x100, 0));
    result("socket, family -1", socket(-1, SOCK_STREAM, 0));
    result("socket, family 99", socket(99, SOCK_STREAM, 0));
    result("socket, type 11", socket(AF_UNIX, 11, 0));
    result("socket, SOCK_RDM", socket(AF_UNIX, SOCK_RDM, 0));
    result("socket, protocol 5", socket(AF_UNIX, SOCK_STREAM, 5));
    int s = socket(AF_UNIX, SOCK_STREAM, PF_UNIX);
    result("socket, protocol PF_UNIX", s);
    int raw = socket(AF_UNIX, SOCK_RAW, 0);
    int type;
    socklen_t len = sizeof type;
    getsockopt(raw, SOL_SOCKET, SO_TYPE, &type, &len);
    printf("SOCK_RAW makes SO_TYPE %d\n", type);
    close(raw);
    int file = open("/tmp", O_RDONLY);
    struct sockaddr_un a = {AF_UNIX, "/tmp/socket_errors.sock"};
    unlink(a.sun_path);

    result("bind, closed descriptor", bind(99, (struct sockaddr *)&a, sizeof a));
    result("bind, not a socket", bind(file, (struct sockaddr *)&a, sizeof a));
    result("bind, length -1", bind(s, (struct sockaddr *)&a, (socklen_t)-1));
    result("bind, length 129", bind(s, (struct sockaddr *)&a, 129));
    result("bind, length 111", bind(s, (struct sockaddr *)&a, 111));
    result("bind, length 1", bind(s, (struct sockaddr *)&a, 1));
    result("bind, bad address", bind(s, BAD, sizeof a));
    struct sockaddr_un inet = {AF_INET, "/tmp/x"};
    result("bind, family AF_INET", bind(s, (struct sockaddr *)&inet, sizeof inet));
    result("connect, closed descriptor", connect(99, (struct sockaddr *)&a, sizeof a));
    result("connect, length 2", connect(s, (struct sockaddr *)&a, 2));
    result("connect, nobody there", connect(s, (struct sockaddr *)&a, sizeof a));
    result("listen, not a socket", listen(file, 1));
    result("accept, closed descriptor", accept(99, NULL, NULL));
    result("accept4, bad flags on a file", accept4(file, NULL, NULL, 1));
    result("accept, not a socket", accept(file, NULL, NULL));
    result("accept, not listening", accept(s, NULL, NULL));
    result("shutdown, how -1", shutdown(s, -1));
    result("shutdown, not a socket", shutdown(file, SHUT_RD));
    result("socketpair, bad address", socketpair(AF_UNIX, SOCK_STREAM, 0, BAD));
    result("socketpair, family 99", socketpair(99, SOCK_STREAM, 0, (int[2]){0, 0}));

    /* Names: the length is in and out; a short buffer gets a cut address and the full length. */
    struct sockaddr_un got;
    len = sizeof got;
    result("getsockname, not a socket", getsockname(file, (struct sockaddr *)&got, &len));
    result("getsockname, bad length pointer", getsockname(s, (struct sockaddr *)&got, BAD));
    len = (socklen_t)-1;
    result("getsockname, length -1", getsockname(s, (struct sockaddr *)&got, &len));
    len = sizeof got;
    result("getpeername, not connected", getpeername(s, (struct sockaddr *)&got, &len));
    int server = socket(AF_UNIX, SOCK_DGRAM, 0);
    bind(server, (struct sockaddr *)&a, sizeof a);
    memset(&got, 0, sizeof got);
    len = 6;
    result("getsockname into 6 bytes", getsockname(server, (struct sockaddr *)&got, &len));
    printf("length %u, path \"%s\"\n", len, got.sun_path);
    len = 0;
    result("getsockname into 0 bytes", getsockname(server, BAD, &len));
    printf("length %u\n", len);

    /* Data. */
    char buf[16];
    result("recv, unconnected stream", recv(s, buf, sizeof buf, 0));
    result("send, unconnected stream", send(s, "x", 1, 0));
    result("sendto with an address, unconnected stream", sendto(s, "x", 1, 0, (struct sockaddr *)&a, sizeof a));
    result("read, unconnected stream", read(s, buf, sizeof buf));
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    result("sendto with an address, connected stream", sendto(sv[0], "x", 1, 0, (struct sockaddr *)&a, sizeof a));
    result("send MSG_OOB on a datagram socket", send(server, "x", 1, MSG_OOB));
    result("recv MSG_OOB on a stream", recv(sv[1], buf, 1, MSG_OOB));
    result("send, bad buffer", send(sv[0], BAD, 4, 0));
    result("send, buffer past user space", send(sv[0], buf, (size_t)-1, 0));
    result("send, closed descriptor", send(99, "x", 1, 0));
    result("send, not a socket", send(file, "x", 1, 0));
    send(sv[0], "data", 4, 0);
    result("recv, bad buffer", recv(sv[1], BAD, 4, 0));
    result("recv", recv(sv[1], buf, sizeof buf, 0));
    result("sendto, address length 200", sendto(server, "x", 1, 0, (struct sockaddr *)&a, 200));
    result("sendto, bad address", sendto(server, "x", 1, 0, BAD, sizeof a));
    result("sendto, address length 2", sendto(server, "x", 1, 0, (struct sockaddr *)&a, 2));
    static char big[300000];
    result("sendto, 212961 bytes", sendto(server, big, 212961, 0, (struct sockaddr *)&a, sizeof a));
    result("sendto, 212960 bytes", sendto(server, big, 212960, 0, (struct sockaddr *)&a, sizeof a));
    result("recv it", recv(server, big, sizeof big, 0));
    struct msghdr msg;
    memset(&msg, 0, sizeof msg);
    result("sendmsg, bad msghdr", sendmsg(server, BAD, 0));
    msg.msg_name = &a;
    msg.msg_namelen = (socklen_t)-1;
    result("sendmsg, namelen -1", sendmsg(server, &msg, 0));
    msg.msg_namelen = 1000;
    result("sendmsg, namelen 1000 (cut to 128)", sendmsg(server, &msg, 0));
    msg.msg_namelen = sizeof a;
    msg.msg_control = BAD;
    msg.msg_controllen = 16;
    result("sendmsg, bad control", sendmsg(server, &msg, 0));
    msg.msg_controllen = 1 << 20;
    result("sendmsg, 1 MiB of control", sendmsg(server, &msg, 0));
    result("recvmsg, bad msghdr", recvmsg(server, BAD, 0));

    /* Options. */
    int v = 1000;
    result("setsockopt, not a socket", setsockopt(file, SOL_SOCKET, SO_SNDBUF, &v, sizeof v));
    result("setsockopt, length -1", setsockopt(s, SOL_SOCKET, SO_SNDBUF, &v, (socklen_t)-1));
    result("setsockopt, length 2", setsockopt(s, SOL_SOCKET, SO_SNDBUF, &v, 2));
    result("setsockopt, bad value", setsockopt(s, SOL_SOCKET, SO_SNDBUF, BAD, sizeof v));
    result("setsockopt SO_TYPE", setsockopt(s, SOL_SOCKET, SO_TYPE, &v, sizeof v));
    result("setsockopt, unknown option", setsockopt(s, SOL_SOCKET, 9999, &v, sizeof v));
    len = sizeof v;
    result("getsockopt, unknown option", getsockopt(s, SOL_SOCKET, 9999, &v, &len));
    result("getsockopt, bad length pointer", getsockopt(s, SOL_SOCKET, SO_TYPE, &v, BAD));
    len = (socklen_t)-1;
    result("getsockopt, length -1", getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &len));
    len = sizeof v;
    result("getsockopt, bad value", getsockopt(s, SOL_SOCKET, SO_TYPE, BAD, &len));
    int sizes[] = {1, 1000, 10000, 100000};
    for (int i = 0; i < 4; i++) {
        int snd = sizes[i], rcv = sizes[i];
        setsockopt(s, SOL_SOCKET, SO_SNDBUF, &snd, sizeof snd);
        setsockopt(s, SOL_SOCKET, SO_RCVBUF, &rcv, sizeof rcv);
        len = sizeof snd;
        getsockopt(s, SOL_SOCKET, SO_SNDBUF, &snd, &len);
        getsockopt(s, SOL_SOCKET, SO_RCVBUF, &rcv, &len);
        printf("asked %d: SO_SNDBUF %d SO_RCVBUF %d\n", sizes[i], snd, rcv);
    }
    len = 2;
    v = -1;
    getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &len);
    printf("SO_TYPE into 2 bytes: length %u value %#x\n", len, v);
    v = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &v, sizeof v);
    len = sizeof v;
    getsockopt(s, SOL_SOCKET, SO_REUSEADDR, &v, &len);
    printf("SO_REUSEADDR %d\n", v);
    getsockopt(s, SOL_SOCKET, SO_ERROR, &v, &len);
    printf("SO_ERROR %d\n", v);
    getsockopt(s, SOL_SOCKET, SO_DOMAIN, &v, &len);
    printf("SO_DOMAIN %d\n", v);
    getsockopt(s, SOL_SOCKET, SO_PROTOCOL, &v, &len);
    printf("SO_PROTOCOL %d\n", v);
    struct ucred cred;
    len = sizeof cred;
    getsockopt(s, SOL_SOCKET, SO_PEERCRED, &cred, &len);
    printf("SO_PEERCRED unconnected: pid %d uid %d gid %d length %u\n", cred.pid, (int)cred.uid, (int)cred.gid, len);
    unlink(a.sun_path);
    return 0;
}

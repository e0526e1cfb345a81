/* AF_UNIX datagram sockets: messages keep their boundaries, carry the sender's address,
   and go to a name (a socket file or an abstract name) or to a connected peer. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define SERVER "/tmp/socket_datagram.server"
#define CLIENT "/tmp/socket_datagram.client"

static void result(const char *what, long r)
{
    if (r < 0) printf("%s: -1 %s\n", what, strerror(errno));
    else printf("%s: %ld\n", what, r);
}

static socklen_t address(struct sockaddr_un *a, const char *path, int abstract)
{
    memset(a, 0, sizeof *a);
    a->sun_family = AF_UNIX;
    if (!abstract) {
        strcpy(a->sun_path, path);
        return sizeof *a;
    }
    memcpy(a->sun_path + 1, path, strlen(path));
    return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + strlen(path));
}

static void receive(const char *what, int fd, size_t size, int flags)
{
    char buf[64];
    struct sockaddr_un from;
    socklen_t len = sizeof from;
    memset(&from, 0, sizeof from);
    long n = recvfrom(fd, buf, size, flags, (struct sockaddr *)&from, &len);
    if (n < 0) {
        printf("%s: -1 %s\n", what, strerror(errno));
        return;
    }
    printf("%s: %ld \"%.*s\" from length %u ", what, n, (int)(n < (long)size ? n : (long)size), buf, len);
    if (len > 2 && from.sun_path[0]) printf("\"%s\"\n", from.sun_path);
    else if (len > 2) printf("abstract \"%.*s\"\n", (int)(len - 3), from.sun_path + 1);
    else printf("(unnamed)\n");
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    unlink(SERVER);
    unlink(CLIENT);
    struct sockaddr_un sa, ca;
    socklen_t slen = address(&sa, SERVER, 0), clen = address(&ca, CLIENT, 0);
    int server = socket(AF_UNIX, SOCK_DGRAM, 0), client = socket(AF_UNIX, SOCK_DGRAM, 0);
    result("bind server", bind(server, (struct sockaddr *)&sa, slen));
    result("send unconnected without an address", send(client, "x", 1, 0));
    result("sendto from an unnamed socket", sendto(client, "first", 5, 0, (struct sockaddr *)&sa, slen));
    result("bind client", bind(client, (struct sockaddr *)&ca, clen));
    result("sendto", sendto(client, "second message", 14, 0, (struct sockaddr *)&sa, slen));
    result("sendto an empty datagram", sendto(client, "", 0, 0, (struct sockaddr *)&sa, slen));
    result("sendto a longer one", sendto(client, "the third and longest", 21, 0, (struct sockaddr *)&sa, slen));
    int avail = -1;
    ioctl(server, FIONREAD, &avail);
    printf("FIONREAD (the first datagram) %d\n", avail);
    receive("recvfrom", server, 64, 0);
    receive("recvfrom", server, 64, 0);
    receive("recvfrom", server, 64, 0);
    receive("recvfrom 9 bytes, MSG_PEEK", server, 9, MSG_PEEK);
    receive("recvfrom 9 bytes, MSG_TRUNC", server, 9, MSG_TRUNC);
    receive("recvfrom, nothing left, MSG_DONTWAIT", server, 64, MSG_DONTWAIT);

    /* recvmsg reports a cut datagram in msg_flags. */
    sendto(client, "cut short", 9, 0, (struct sockaddr *)&sa, slen);
    char part[3];
    struct iovec iov = {part, sizeof part};
    struct msghdr msg;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    result("recvmsg into 3 bytes", recvmsg(server, &msg, 0));
    printf("MSG_TRUNC %d \"%.3s\"\n", (msg.msg_flags & MSG_TRUNC) != 0, part);

    /* A connected datagram socket: send without an address; others may not send to it. */
    result("connect client to server", connect(client, (struct sockaddr *)&sa, slen));
    result("send", send(client, "connected", 9, 0));
    receive("recv", server, 64, 0);
    result("connect server to client", connect(server, (struct sockaddr *)&ca, clen));
    int third = socket(AF_UNIX, SOCK_DGRAM, 0);
    result("sendto a socket connected elsewhere", sendto(third, "no", 2, 0, (struct sockaddr *)&sa, slen));
    result("connect to a socket connected elsewhere", connect(third, (struct sockaddr *)&sa, slen));
    struct sockaddr_un unspec;
    memset(&unspec, 0, sizeof unspec);
    unspec.sun_family = AF_UNSPEC;
    result("dissolve with AF_UNSPEC", connect(server, (struct sockaddr *)&unspec, sizeof unspec));
    result("sendto it now", sendto(third, "yes", 3, 0, (struct sockaddr *)&sa, slen));
    receive("recv", server, 64, 0);
    struct sockaddr_un peer;
    socklen_t plen = sizeof peer;
    result("getpeername of a dissolved socket", getpeername(server, (struct sockaddr *)&peer, &plen));
    plen = sizeof peer;
    result("getpeername of the client", getpeername(client, (struct sockaddr *)&peer, &plen));
    printf("peer \"%s\"\n", peer.sun_path);

    /* The peer closes: the next send says so once, then the socket is unconnected. */
    close(server);
    result("send to a closed peer", send(client, "x", 1, 0));
    result("send again", send(client, "x", 1, 0));
    result("sendto the closed server's name", sendto(client, "x", 1, 0, (struct sockaddr *)&sa, slen));

    /* Abstract names: no file, and gone with the socket. */
    struct sockaddr_un aa;
    socklen_t alen = address(&aa, "clonix-test", 1);
    int abs1 = socket(AF_UNIX, SOCK_DGRAM, 0), abs2 = socket(AF_UNIX, SOCK_DGRAM, 0);
    result("bind abstract", bind(abs1, (struct sockaddr *)&aa, alen));
    result("bind the same abstract name", bind(abs2, (struct sockaddr *)&aa, alen));
    struct sockaddr_un got;
    socklen_t glen = sizeof got;
    getsockname(abs1, (struct sockaddr *)&got, &glen);
    printf("abstract name length %u, first byte %d, \"%.*s\"\n", glen, got.sun_path[0], (int)(glen - 3), got.sun_path + 1);
    result("sendto abstract", sendto(client, "to abstract", 11, 0, (struct sockaddr *)&aa, alen));
    receive("recv", abs1, 64, 0);
    struct sockaddr_un ab;
    socklen_t blen = address(&ab, "clonix-tes", 1);
    result("sendto a prefix of the name", sendto(abs2, "x", 1, 0, (struct sockaddr *)&ab, blen));
    close(abs1);
    result("sendto a closed abstract name", sendto(abs2, "x", 1, 0, (struct sockaddr *)&aa, alen));
    result("bind it again", bind(abs2, (struct sockaddr *)&aa, alen));

    /* Autobind: binding just the family gives an abstract name of five hex digits. */
    int autob = socket(AF_UNIX, SOCK_DGRAM, 0);
    struct sockaddr_un fam = {AF_UNIX, ""};
    result("autobind", bind(autob, (struct sockaddr *)&fam, sizeof(sa_family_t)));
    glen = sizeof got;
    getsockname(autob, (struct sockaddr *)&got, &glen);
    printf("autobound: length %u, abstract %d\n", glen, got.sun_path[0] == 0);
    result("autobind again", bind(autob, (struct sockaddr *)&fam, sizeof(sa_family_t)));
    result("bind after autobind", bind(autob, (struct sockaddr *)&ca, clen));
    result("a stream socket to a datagram name", connect(socket(AF_UNIX, SOCK_STREAM, 0), (struct sockaddr *)&aa, alen));
    unlink(SERVER);
    unlink(CLIENT);
    return 0;
}

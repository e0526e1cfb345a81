/* Passing descriptors over AF_UNIX sockets (SCM_RIGHTS): the receiver gets new descriptors
   for the same open files, sharing their offsets; what does not fit is closed (MSG_CTRUNC);
   a socket may even travel over itself and still be freed once closed. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static void result(const char *what, long r)
{
    if (r < 0) printf("%s: -1 %s\n", what, strerror(errno));
    else printf("%s: %ld\n", what, r);
}

/* Sends one byte and the n descriptors of fds. */
static long send_fds(int sock, const int *fds, int n)
{
    char byte = 'F';
    struct iovec iov = {&byte, 1};
    char control[CMSG_SPACE(sizeof(int) * 8)];
    memset(control, 0, sizeof control);
    struct msghdr msg;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = CMSG_SPACE(sizeof(int) * n);
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int) * n);
    memcpy(CMSG_DATA(c), fds, sizeof(int) * n);
    return sendmsg(sock, &msg, 0);
}

/* Receives one byte and up to room descriptors into fds; returns how many came. */
static int recv_fds(int sock, int *fds, int room, int flags)
{
    char byte;
    struct iovec iov = {&byte, 1};
    char control[CMSG_SPACE(sizeof(int) * 8)];
    struct msghdr msg;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = room ? CMSG_SPACE(sizeof(int) * room) : 0;
    long r = recvmsg(sock, &msg, flags);
    if (r < 0) {
        printf("recvmsg: -1 %s\n", strerror(errno));
        return -1;
    }
    int n = 0;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            n = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
            memcpy(fds, CMSG_DATA(c), sizeof(int) * n);
        }
    }
    printf("recvmsg: %ld byte '%c', %d descriptors, controllen %zu, MSG_CTRUNC %d\n", r, byte, n,
           msg.msg_controllen, (msg.msg_flags & MSG_CTRUNC) != 0);
    return n;
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    int file = open("/tmp/socket_scm_rights.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(file, "0123456789", 10);
    lseek(file, 2, SEEK_SET);
    int p[2];
    pipe(p);

    /* A child receives a file and a pipe's write end, reads and writes through them. */
    pid_t pid = fork();
    if (pid == 0) {
        close(sv[0]);
        close(file);
        close(p[1]);
        int got[8];
        int n = recv_fds(sv[1], got, 8, 0);
        char buf[4];
        read(got[0], buf, 3);
        printf("child read \"%.3s\" through descriptor %d\n", buf, got[0]);
        write(got[1], "via the passed pipe", 19);
        _exit(n == 2 ? 0 : 1);
    }
    close(sv[1]);
    int fds[2] = {file, p[1]};
    result("sendmsg two descriptors", send_fds(sv[0], fds, 2));
    close(p[1]);
    char buf[64];
    long n = read(p[0], buf, sizeof buf);
    printf("parent read from the pipe \"%.*s\"\n", (int)n, buf);
    int status;
    waitpid(pid, &status, 0);
    printf("child exited %d\n", WEXITSTATUS(status));
    printf("the shared offset moved to %ld\n", (long)lseek(file, 0, SEEK_CUR));
    close(sv[0]);
    close(p[0]);

    /* Too little room for the descriptors: the rest are closed and MSG_CTRUNC is set. */
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    int three[3] = {file, file, file};
    send_fds(sv[0], three, 3);
    int got[8];
    int k = recv_fds(sv[1], got, 1, 0);
    printf("kept %d, is it open: %d\n", k, fcntl(got[0], F_GETFD) >= 0);
    close(got[0]);
    send_fds(sv[0], three, 1);
    recv_fds(sv[1], got, 0, 0);
    /* MSG_PEEK shows them without taking them; read() drops them. */
    send_fds(sv[0], three, 2);
    k = recv_fds(sv[1], got, 8, MSG_PEEK | MSG_CMSG_CLOEXEC);
    printf("peeked descriptors are close-on-exec: %d %d\n", fcntl(got[0], F_GETFD), fcntl(got[1], F_GETFD));
    close(got[0]);
    close(got[1]);
    result("read the message", read(sv[1], buf, sizeof buf));

    /* The errors of the control data. */
    int bad[1] = {99};
    result("sendmsg a closed descriptor", send_fds(sv[0], bad, 1));
    char byte = 'x';
    struct iovec iov = {&byte, 1};
    char control[CMSG_SPACE(sizeof(int))];
    struct msghdr msg;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = 77;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    result("sendmsg an unknown control type", sendmsg(sv[0], &msg, 0));
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = 8;
    result("sendmsg a control header too short", sendmsg(sv[0], &msg, 0));
    c->cmsg_len = sizeof control + 8;
    result("sendmsg a control header too long", sendmsg(sv[0], &msg, 0));
    c->cmsg_level = 99;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    result("sendmsg another level's control data", sendmsg(sv[0], &msg, 0));
    result("read it", read(sv[1], buf, sizeof buf));
    msg.msg_iovlen = 1025;
    result("sendmsg 1025 buffers", sendmsg(sv[0], &msg, 0));
    close(sv[0]);
    close(sv[1]);

    /* A socket sent over its own connection, then closed: only the message keeps it. */
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    int self[2] = {sv[0], sv[1]};
    result("send both ends over the pair", send_fds(sv[0], self, 2));
    result("close", close(sv[0]) | close(sv[1]));
    close(file);
    unlink("/tmp/socket_scm_rights.txt");
    return 0;
}

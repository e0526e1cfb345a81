/* socket.c: the socket calls of sys/socket.h, errno-setting wrappers, and CMSG_NXTHDR.
   accept, connect, send and recv in all their forms are cancellation points, as POSIX says. */
#include <sys/socket.h>
#include <sys/syscall.h>
#include "libc.h"

int socket(int domain, int type, int protocol)
{
    return (int)__syscall_ret(__syscall3(SYS_socket, domain, type, protocol));
}

int socketpair(int domain, int type, int protocol, int sv[2])
{
    return (int)__syscall_ret(__syscall4(SYS_socketpair, domain, type, protocol, sv));
}

int bind(int fd, const struct sockaddr *addr, socklen_t addrlen)
{
    return (int)__syscall_ret(__syscall3(SYS_bind, fd, addr, addrlen));
}

int listen(int fd, int backlog) { return (int)__syscall_ret(__syscall2(SYS_listen, fd, backlog)); }

int accept(int fd, struct sockaddr *addr, socklen_t *addrlen)
{
    return (int)__syscall_ret(__syscall_cancel3(SYS_accept, fd, addr, addrlen));
}

int accept4(int fd, struct sockaddr *addr, socklen_t *addrlen, int flags)
{
    return (int)__syscall_ret(__syscall_cancel4(SYS_accept4, fd, addr, addrlen, flags));
}

int connect(int fd, const struct sockaddr *addr, socklen_t addrlen)
{
    return (int)__syscall_ret(__syscall_cancel3(SYS_connect, fd, addr, addrlen));
}

int shutdown(int fd, int how) { return (int)__syscall_ret(__syscall2(SYS_shutdown, fd, how)); }

int getsockname(int fd, struct sockaddr *addr, socklen_t *addrlen)
{
    return (int)__syscall_ret(__syscall3(SYS_getsockname, fd, addr, addrlen));
}

int getpeername(int fd, struct sockaddr *addr, socklen_t *addrlen)
{
    return (int)__syscall_ret(__syscall3(SYS_getpeername, fd, addr, addrlen));
}

int getsockopt(int fd, int level, int optname, void *optval, socklen_t *optlen)
{
    return (int)__syscall_ret(__syscall5(SYS_getsockopt, fd, level, optname, optval, optlen));
}

int setsockopt(int fd, int level, int optname, const void *optval, socklen_t optlen)
{
    return (int)__syscall_ret(__syscall5(SYS_setsockopt, fd, level, optname, optval, optlen));
}

ssize_t sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *addr, socklen_t addrlen)
{
    return __syscall_ret(__syscall_cancel(SYS_sendto, fd, (long)buf, len, flags, (long)addr, addrlen));
}

ssize_t recvfrom(int fd, void *buf, size_t len, int flags, struct sockaddr *addr, socklen_t *addrlen)
{
    return __syscall_ret(__syscall_cancel(SYS_recvfrom, fd, (long)buf, len, flags, (long)addr, (long)addrlen));
}

/* send and recv are sendto and recvfrom without an address, as Linux's own are. */
ssize_t send(int fd, const void *buf, size_t len, int flags) { return sendto(fd, buf, len, flags, 0, 0); }

ssize_t recv(int fd, void *buf, size_t len, int flags) { return recvfrom(fd, buf, len, flags, 0, 0); }

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
    return __syscall_ret(__syscall_cancel3(SYS_sendmsg, fd, msg, flags));
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
    return __syscall_ret(__syscall_cancel3(SYS_recvmsg, fd, msg, flags));
}

/* glibc's __cmsg_nxthdr: the header after cmsg, if a whole one fits after it (its length
   rounded up) in the control buffer; NULL for a header too short to have a successor. */
struct cmsghdr *__cmsg_nxthdr(struct msghdr *mhdr, struct cmsghdr *cmsg)
{
    unsigned char *control = (unsigned char *)mhdr->msg_control;
    unsigned char *p = (unsigned char *)cmsg;
    size_t padding = (sizeof(size_t) - (cmsg->cmsg_len & (sizeof(size_t) - 1))) & (sizeof(size_t) - 1);
    size_t needed = sizeof(struct cmsghdr) + padding;
    if (cmsg->cmsg_len < sizeof(struct cmsghdr)) return 0;
    if ((size_t)(control + mhdr->msg_controllen - p) < needed
        || (size_t)(control + mhdr->msg_controllen - p - needed) < cmsg->cmsg_len)
        return 0;
    p += CMSG_ALIGN(cmsg->cmsg_len);
    return (struct cmsghdr *)p;
}

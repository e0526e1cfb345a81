package net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sockets are paid for in the machine's memory: a guest that makes sockets and fills their
 * buffers until something gives is refused with Linux's errno (ENOBUFS for a buffer the
 * kernel cannot allocate), survives, can use sockets again once it lets go, and leaves
 * nothing behind (CGuest checks that every frame and slab byte came back). A socket that
 * travels over its own connection is collected when its descriptors close, however often
 * it happens.
 */
class UnixSocketBudgetTest {
    @TempDir
    Path tmp;

    private static final String FILL = """
            #include <errno.h>
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include <sys/resource.h>
            #include <sys/socket.h>
            #include <unistd.h>

            static char chunk[65536];

            int main(void)
            {
                /* What printf needs once memory has run out (its buffer, its stack) is taken now:
                 * a page fault then would be the OOM killer's, not a refusal the program sees. */
                char *spare = malloc(1 << 16);
                memset(spare, 1, 1 << 16);
                char warm[64];
                snprintf(warm, sizeof warm, "%s %d", "warm", 1);
                struct rlimit r = {100000, 100000};
                setrlimit(RLIMIT_NOFILE, &r);
                int pairs = 0, err = 0;
                const char *where = "";
                for (;;) {
                    int sv[2];
                    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv) < 0) {
                        err = errno;
                        where = "socketpair";
                        break;
                    }
                    pairs++;
                    long n;
                    while ((n = write(sv[0], chunk, sizeof chunk)) > 0) {}
                    if (errno != EAGAIN) {
                        err = errno;
                        where = "write";
                        break;
                    }
                }
                free(spare);
                printf("%s refused: %s, after %s\\n", where, strerror(err), pairs > 20 ? "many pairs" : "few pairs");
                for (int fd = 3; fd < 3 + 2 * pairs; fd++) close(fd);
                int sv[2];
                char buf[8];
                socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
                write(sv[0], "alive", 5);
                long n = read(sv[1], buf, sizeof buf);
                printf("then: %.*s\\n", (int)n, buf);
                return 0;
            }
            """;

    @Test
    void fillingSocketBuffersUntilMemoryRunsOutIsENOBUFSAndTheMachineSurvives() throws Exception {
        String out = CGuest.run(tmp, Options.defaults().withMemory(16L << 20), "sockfill", FILL);
        assertEquals("write refused: No buffer space available, after many pairs\nthen: alive\n", out);
    }

    private static final String CYCLES = """
            #include <stdio.h>
            #include <string.h>
            #include <sys/socket.h>
            #include <unistd.h>

            static int send_fd(int sock, int fd)
            {
                char byte = 0;
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
                c->cmsg_type = SCM_RIGHTS;
                c->cmsg_len = CMSG_LEN(sizeof(int));
                memcpy(CMSG_DATA(c), &fd, sizeof fd);
                return (int)sendmsg(sock, &msg, 0);
            }

            int main(void)
            {
                int failures = 0;
                for (int i = 0; i < 3000; i++) {
                    int sv[2];
                    if (socketpair(AF_UNIX, i % 2 ? SOCK_DGRAM : SOCK_STREAM, 0, sv) < 0) failures++;
                    /* Each end's descriptor waits in its own queue: a cycle only messages hold. */
                    if (send_fd(sv[0], sv[0]) < 0 || send_fd(sv[1], sv[1]) < 0) failures++;
                    close(sv[0]);
                    close(sv[1]);
                }
                printf("failures: %d\\n", failures);
                return 0;
            }
            """;

    @Test
    void socketsSentOverThemselvesAreCollected() throws Exception {
        assertEquals("failures: 0\n", CGuest.run(tmp, Options.defaults().withMemory(16L << 20), "sockcycles", CYCLES));
    }
}

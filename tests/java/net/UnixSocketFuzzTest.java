package net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.CGuest;
import boot.Kernel;
import boot.Options;
import image.BootImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import obj.Executable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random socket calls from a guest: pairs and named sockets of the three types, binds,
 * listens, connects and accepts, sends and receives of random sizes and flags, descriptors
 * (sockets included, even their own) passed with random control buffers, shutdowns, dups,
 * closes and forks. Every socket is non-blocking, so nothing waits. Whatever happens, the
 * kernel answers with errnos, never a Java exception or an oops; at exit nothing is left
 * (the collector frees the cycles); and the same seed prints the same bytes. A short seeded
 * run by default; -Dclonix.socketfuzz.seeds=N runs more.
 */
class UnixSocketFuzzTest {
    @TempDir
    Path tmp;

    private static final String PROGRAM = """
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include <errno.h>
            #include <unistd.h>
            #include <sys/socket.h>
            #include <sys/un.h>
            #include <sys/wait.h>

            #define SLOTS 12
            static unsigned long state;
            static unsigned rnd(unsigned n)
            {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                return (unsigned)(state % n);
            }
            static int fds[SLOTS];
            static long sum;
            static char buf[70000];

            static void note(long r)
            {
                sum = sum * 31 + (r < 0 ? -errno : r);
            }

            static socklen_t name(struct sockaddr_un *a)
            {
                memset(a, 0, sizeof *a);
                a->sun_family = AF_UNIX;
                int k = rnd(4);
                if (k == 3) return 2;
                if (k == 2) {
                    strcpy(a->sun_path, rnd(2) ? "/tmp/fz.a" : "/tmp/fz.b");
                    return sizeof *a;
                }
                a->sun_path[1] = 'n';
                a->sun_path[2] = '0' + k;
                return 5;
            }

            /* A descriptor from the slots, usually an open one. */
            static int pick(void)
            {
                int fd = fds[rnd(SLOTS)];
                for (int tries = 0; fd < 0 && tries < 3; tries++) fd = fds[rnd(SLOTS)];
                return fd;
            }

            static void put(int fd)
            {
                int i = rnd(SLOTS);
                if (fds[i] >= 0) close(fds[i]);
                fds[i] = fd;
            }

            static void step(void)
            {
                int types[] = {SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET};
                struct sockaddr_un a;
                socklen_t len;
                int sv[2];
                switch (rnd(16)) {
                case 0:
                    if (socketpair(AF_UNIX, types[rnd(3)] | SOCK_NONBLOCK, 0, sv) == 0) {
                        put(sv[0]);
                        put(sv[1]);
                    } else note(-1);
                    break;
                case 1: put(socket(AF_UNIX, types[rnd(3)] | SOCK_NONBLOCK, 0)); break;
                case 2: len = name(&a); note(bind(pick(), (struct sockaddr *)&a, len)); break;
                case 3: note(listen(pick(), rnd(3))); break;
                case 4: len = name(&a); note(connect(pick(), (struct sockaddr *)&a, len)); break;
                case 5: {
                    int fd = accept4(pick(), NULL, NULL, SOCK_NONBLOCK);
                    note(fd);
                    if (fd >= 0) put(fd);
                    break;
                }
                case 6: case 7: {
                    size_t n = rnd(3) == 0 ? rnd(sizeof buf) : rnd(64);
                    int flags = MSG_DONTWAIT | MSG_NOSIGNAL | (rnd(8) == 0 ? MSG_OOB : 0);
                    if (rnd(2)) note(send(pick(), buf, n, flags));
                    else {
                        len = name(&a);
                        note(sendto(pick(), buf, n, flags, (struct sockaddr *)&a, len));
                    }
                    break;
                }
                case 8: case 9: {
                    int flags = MSG_DONTWAIT | (rnd(4) == 0 ? MSG_PEEK : 0) | (rnd(4) == 0 ? MSG_TRUNC : 0)
                        | (rnd(4) == 0 ? MSG_WAITALL : 0);
                    note(recv(pick(), buf, rnd(3) == 0 ? sizeof buf : rnd(64), flags));
                    break;
                }
                case 10: {
                    int n = 1 + rnd(4);
                    char control[CMSG_SPACE(4 * sizeof(int))];
                    memset(control, 0, sizeof control);
                    struct iovec iov = {buf, rnd(16)};
                    struct msghdr m;
                    memset(&m, 0, sizeof m);
                    m.msg_iov = &iov;
                    m.msg_iovlen = 1;
                    m.msg_control = control;
                    m.msg_controllen = CMSG_SPACE(n * sizeof(int));
                    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
                    c->cmsg_level = SOL_SOCKET;
                    c->cmsg_type = SCM_RIGHTS;
                    c->cmsg_len = CMSG_LEN(n * sizeof(int));
                    int sent[4];
                    for (int i = 0; i < n; i++) sent[i] = pick();
                    memcpy(CMSG_DATA(c), sent, n * sizeof(int));
                    note(sendmsg(pick(), &m, MSG_DONTWAIT | MSG_NOSIGNAL));
                    break;
                }
                case 11: {
                    char control[CMSG_SPACE(6 * sizeof(int))];
                    struct iovec iov = {buf, rnd(32)};
                    struct msghdr m;
                    memset(&m, 0, sizeof m);
                    m.msg_iov = &iov;
                    m.msg_iovlen = 1;
                    m.msg_control = control;
                    m.msg_controllen = rnd(sizeof control + 1);
                    long r = recvmsg(pick(), &m, MSG_DONTWAIT | (rnd(3) == 0 ? MSG_PEEK : 0));
                    note(r);
                    if (r >= 0) {
                        for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c)) {
                            int k = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
                            for (int i = 0; i < k; i++) put(((int *)CMSG_DATA(c))[i]);
                        }
                    }
                    break;
                }
                case 12: note(shutdown(pick(), rnd(4))); break;
                case 13: put(dup(pick())); break;
                case 14: {
                    int i = rnd(SLOTS);
                    note(close(fds[i]));
                    fds[i] = -1;
                    break;
                }
                default:
                    if (rnd(4) == 0) {
                        pid_t pid = fork();
                        if (pid == 0) {
                            for (int i = 0; i < 20; i++) step();
                            _exit(0);
                        }
                        int status;
                        waitpid(pid, &status, 0);
                    }
                    break;
                }
            }

            int main(int argc, char **argv)
            {
                state = strtoul(argv[1], 0, 10) * 2654435761u + 1;
                for (int i = 0; i < SLOTS; i++) fds[i] = -1;
                for (int i = 0; i < 400; i++) step();
                unlink("/tmp/fz.a");
                unlink("/tmp/fz.b");
                printf("%ld\\n", sum);
                return 0;
            }
            """;

    @Test
    void randomSocketCallsNeverCrashLeakOrDependOnTheMachine() throws Exception {
        Executable exe = CGuest.compile(tmp, "sockfuzz", PROGRAM);
        int seeds = Integer.getInteger("clonix.socketfuzz.seeds", 4);
        for (int seed = 1; seed <= seeds; seed++) {
            String first = run(exe, Options.defaults().withMemory(32L << 20), seed);
            assertTrue(first.matches("-?\\d+\n"), "seed " + seed + ": " + first);
            assertEquals(first, run(exe, Options.defaults().withCpus(1 + seed % 3).withMemory(32L << 20).withSeed(seed),
                    seed), "seed " + seed + " on another machine");
        }
    }

    private static String run(Executable exe, Options options, int seed) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Kernel kernel = Kernel.boot(options, console, new ByteArrayInputStream(new byte[0]));
        for (Map.Entry<String, byte[]> f : BootImage.load().guestFiles().entrySet()) {
            kernel.installFile(f.getKey(), f.getValue(), 0755);
        }
        kernel.install("/tmp/sockfuzz", exe);
        int status = kernel.run("/tmp/sockfuzz", List.of("/tmp/sockfuzz", Integer.toString(seed)));
        String out = console.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, "seed " + seed + ": " + out);
        boot.GuestRun.checkNothingLeaked(kernel);
        return out;
    }
}

package trace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * strace shows arguments as strace does: strings copied out of guest memory (cut at 32
 * bytes), a read's buffer after the call has filled it, open flags and modes, ioctl
 * requests and signals by name, execve's argv, futex operations by name with only the
 * arguments each one uses.
 */
class StraceArgumentsTest {
    @TempDir Path tmp;

    private static final String PROGRAM = """
            #include <fcntl.h>
            #include <signal.h>
            #include <unistd.h>
            int main(void)
            {
                char buf[100];
                int fd = open("/tmp/notes", O_WRONLY | O_CREAT | O_TRUNC, 0644);
                write(fd, "tab\\there\\n\\001\\0012", 13);
                close(fd);
                fd = open("/tmp/notes", O_RDONLY);
                read(fd, buf, sizeof buf);
                write(1, "0123456789012345678901234567890123456789\\n", 41);
                kill(getpid(), 0);
                char *argv[] = {"echo", "one two", 0};
                execve("/bin/echo", argv, 0);
                return 1;
            }
            """;

    @Test
    void commonCallsShowTheirArgumentsDecoded() throws Exception {
        String out = TracedRun.strace(tmp, "args", PROGRAM);
        String[][] expected = { // each call, and its result
            {"open(\"/tmp/notes\", O_WRONLY|O_CREAT|O_TRUNC, 0644)", "3"},
            // \1 then \001: an octal escape followed by a digit needs all three digits.
            {"write(3, \"tab\\there\\n\\1\\0012\\0\", 13)", "13"},
            {"open(\"/tmp/notes\", O_RDONLY)", "3"},
            {"read(3, \"tab\\there\\n\\1\\0012\\0\", 100)", "13"},
            {"write(1, \"01234567890123456789012345678901\"..., 41)", "41"},
            {"kill(2, 0)", "0"},
            {"execve(\"/bin/echo\", [\"echo\", \"one two\"], NULL)", "0"},
        };
        for (String[] call : expected) {
            String line = Strace.aligned("[pid     2] " + call[0]) + call[1] + "\n";
            assertTrue(out.contains(line), "missing " + line + "in\n" + out);
        }
        assertTrue(out.contains("[pid     2] ioctl(1, TCGETS, 0x"), out);
    }

    private static final String FUTEXES = """
            #include <linux/futex.h>
            #include <sys/syscall.h>
            #include <time.h>
            #include <unistd.h>
            static int word = 5, lock;
            int main(void)
            {
                struct timespec ts = {0, 1000};
                syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 6, 0, 0, 0);
                syscall(SYS_futex, &word, FUTEX_WAIT, 5, &ts, 0, 0);
                syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
                syscall(SYS_futex, &word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 6, 0, 0, -1);
                syscall(SYS_futex, &word, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2, &lock, 5);
                syscall(SYS_futex, &lock, FUTEX_LOCK_PI_PRIVATE, 0, 0, 0, 0);
                syscall(SYS_futex, &lock, FUTEX_UNLOCK_PI_PRIVATE, 0, 0, 0, 0);
                syscall(SYS_set_robust_list, 0, 24);
                return 0;
            }
            """;

    @Test
    void futexShowsItsOperationByNameAndTheArgumentsItUses() throws Exception {
        String out = TracedRun.strace(tmp, "futexes", FUTEXES);
        String[] expected = { // each call and its result, as regular expressions (@: an address)
            "futex\\(@, FUTEX_WAIT_PRIVATE, 6, NULL\\) += -1 EAGAIN \\(Resource temporarily unavailable\\)",
            "futex\\(@, FUTEX_WAIT, 5, \\{tv_sec=0, tv_nsec=1000\\}\\) += -1 ETIMEDOUT \\(Connection timed out\\)",
            "futex\\(@, FUTEX_WAKE_PRIVATE, 1\\) += 0",
            "futex\\(@, FUTEX_WAIT_BITSET\\|FUTEX_CLOCK_REALTIME, 6, NULL, FUTEX_BITSET_MATCH_ANY\\) += -1 EAGAIN \\(Resource temporarily unavailable\\)",
            "futex\\(@, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2, @, 5\\) += 0",
            "futex\\(@, FUTEX_LOCK_PI_PRIVATE, NULL\\) += 0",
            "futex\\(@, FUTEX_UNLOCK_PI_PRIVATE\\) += 0",
        };
        for (String call : expected) {
            assertTrue(out.matches("(?s).*\\] " + call.replace("@", "0x[0-9a-f]+") + "\n.*"), "missing " + call + " in\n" + out);
        }
        assertTrue(out.contains(Strace.aligned("[pid     2] set_robust_list(NULL, 24)") + "0\n"), out);
    }

    private static final String SOCKETS = """
            #include <sys/socket.h>
            #include <sys/un.h>
            #include <unistd.h>
            int main(void)
            {
                struct sockaddr_un a = {AF_UNIX, "/tmp/st.sock"};
                int s = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
                bind(s, (struct sockaddr *)&a, sizeof a);
                sendto(s, "hi\\n", 3, MSG_DONTWAIT | MSG_NOSIGNAL, (struct sockaddr *)&a, sizeof a);
                char b[8];
                recvfrom(s, b, sizeof b, 0, 0, 0);
                shutdown(s, SHUT_RDWR);
                return 0;
            }
            """;

    /** The lines the real strace printed for the same program built with gcc on Linux. */
    @Test
    void socketCallsShowFamiliesFlagsAndAddressesAsStraceDoes() throws Exception {
        String out = TracedRun.strace(tmp, "sockets", SOCKETS);
        String[][] expected = {
            {"socket(AF_UNIX, SOCK_DGRAM|SOCK_CLOEXEC, 0)", "3"},
            {"bind(3, {sa_family=AF_UNIX, sun_path=\"/tmp/st.sock\"}, 110)", "0"},
            {"sendto(3, \"hi\\n\", 3, MSG_DONTWAIT|MSG_NOSIGNAL, {sa_family=AF_UNIX, sun_path=\"/tmp/st.sock\"}, 110)",
                "3"},
            {"recvfrom(3, \"hi\\n\", 8, 0, NULL, NULL)", "3"},
            {"shutdown(3, SHUT_RDWR)", "0"},
        };
        for (String[] call : expected) {
            String line = Strace.aligned("[pid     2] " + call[0]) + call[1] + "\n";
            assertTrue(out.contains(line), "missing " + line + "in\n" + out);
        }
    }
}

package task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A supplementary group list of NGROUPS_MAX ids is 256 KiB of kernel memory, and every task
 * may hold its own, so lists are charged to the kernel's slab: processes that each set a
 * full list on a small machine reach ENOMEM from setgroups, the machine carries on, and when
 * they exit every byte comes back (CGuest checks that nothing leaked).
 */
class GroupListBudgetTest {
    @TempDir Path tmp;

    private static final String PROGRAM = """
            #include <errno.h>
            #include <grp.h>
            #include <stdio.h>
            #include <stdlib.h>
            #include <sys/wait.h>
            #include <unistd.h>

            #define N 65536
            #define CHILDREN 200

            int main(void) {
                static gid_t list[N];
                for (int i = 0; i < N; i++) list[i] = i;
                int answers[2], hold[2];
                pipe(answers);
                pipe(hold);
                int made = 0, refused = 0;
                for (; made < CHILDREN; made++) {
                    pid_t pid = fork();
                    if (pid < 0) { printf("fork failed first\\n"); break; }
                    if (pid == 0) {
                        /* Each child holds a list of its own until the parent lets go of the pipe. */
                        char r = setgroups(N, list) == 0 ? 'y' : errno == ENOMEM ? 'n' : '?';
                        write(answers[1], &r, 1);
                        close(hold[1]);
                        read(hold[0], &r, 1);
                        _exit(0);
                    }
                    char r;
                    read(answers[0], &r, 1);
                    if (r == 'n') { refused = 1; made++; break; }
                    if (r != 'y') { printf("unexpected answer\\n"); break; }
                }
                printf("setgroups refused with ENOMEM before %d lists: %s\\n", CHILDREN, refused ? "yes" : "no");
                close(hold[1]);
                for (int i = 0; i < made; i++) wait(NULL);
                printf("after they exit, a full list fits: %s\\n", setgroups(N, list) == 0 ? "yes" : "no");
                return 0;
            }
            """;

    @Test
    void fullGroupListsAreChargedAndRefusedWithEnomemWhenMemoryRunsOut() throws Exception {
        // At 32 MiB the 86th fork and the 86th list ran out of memory together, and which
        // failed first turned on a few KiB of the program's layout; 40 MiB has room for 112.
        String out = CGuest.run(tmp, Options.defaults().withMemory(40L << 20), "group_budget", PROGRAM);
        assertEquals("""
                setgroups refused with ENOMEM before 200 lists: yes
                after they exit, a full list fits: yes
                """, out);
    }
}

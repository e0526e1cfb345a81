package utils;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.Options;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The utilities whose output depends on the guest machine (its CPUs, its processes, its
 * virtual clock) rather than only on their input, run as short scripts in one boot.
 */
class UtilitiesTest {
    @TempDir Path tmp;

    private Programs.Run script(Options options, String... commands) throws Exception {
        return Programs.script(tmp, options, Map.of(), commands);
    }

    @Test
    void mkdirWithParentsLongListingAndRecursiveRemove() throws Exception {
        Programs.Run run = script(Options.defaults(), "mkdir -p /tmp/a/b/c /tmp/a/d", "mkdir /tmp/a",
                "ls -l /tmp/a", "rm -r /tmp/a", "ls /tmp/a", "mkdir -p /tmp/a");
        assertEquals("""
                mkdir: cannot create directory '/tmp/a': File exists
                [exit 1]
                total 0
                drwxr-xr-x 3 root root 4096 Jan  1 00:00 b
                drwxr-xr-x 2 root root 4096 Jan  1 00:00 d
                ls: cannot access '/tmp/a': No such file or directory
                [exit 2]
                """, run.output());
        assertEquals(0, run.status());
    }

    @Test
    void longListingShowsFilesWithSizesAndLinks() throws Exception {
        Programs.Run run = Programs.script(tmp, Options.defaults(), Map.of("/tmp/x/data.txt", "12345\n".getBytes()),
                "ls -la /tmp/x", "ls -l /bin/true"); // /tmp holds x and prog: 4 links
        assertEquals(0, run.status(), run.output());
        String[] lines = run.output().split("\n");
        assertEquals("total 4", lines[0]);
        assertEquals("drwxr-xr-x 2 root root 4096 Jan  1 00:00 .", lines[1]);
        assertEquals("drwxrwxrwt 4 root root 4096 Jan  1 00:00 ..", lines[2]);
        assertEquals("-rw-r--r-- 1 root root    6 Jan  1 00:00 data.txt", lines[3]);
        assertEquals(true, lines[4].matches("-rwxr-xr-x 1 root root \\d+ Jan  1 00:00 /bin/true"), lines[4]);
    }

    @Test
    void longListingShowsDeviceNumbersInsteadOfSizes() throws Exception {
        Programs.Run run = script(Options.defaults(), "ls -l /dev");
        String[] lines = run.output().split("\n");
        assertEquals("total 0", lines[0]);
        assertEquals(true, lines[1].matches("c[-rwx]{9} 1 root root 5, 1 Jan  1 00:00 console"), lines[1]);
        assertEquals(true, lines[2].matches("c[-rwx]{9} 1 root root 1, 3 Jan  1 00:00 null"), lines[2]);
        assertEquals(true, lines[3].matches("drwxrwxrwt 2 root root \\d+ Jan  1 00:00 shm"), lines[3]);
        assertEquals(true, lines[4].matches("c[-rwx]{9} 1 root root 1, 5 Jan  1 00:00 zero"), lines[4]);
    }

    @Test
    void nprocCountsTheCpusOfTheAffinityMask() throws Exception {
        Programs.Run run = script(Options.defaults().withCpus(3), "nproc", "nproc --all", "taskset -c 1 nproc",
                "taskset 5 nproc", "nproc --ignore=2", "nproc --bogus");
        assertEquals("""
                3
                3
                1
                2
                1
                nproc: unrecognized option '--bogus'
                Try 'nproc --help' for more information.
                [exit 1]
                """, run.output());
    }

    /**
     * The nice value that nice sets shows in ps's NI column; renice prints what util-linux's
     * renice prints on Linux (old and new values, its errors and exit statuses). nice itself
     * is compared with coreutils' in CompareWithLinuxTest (the nice_* cases).
     */
    @Test
    void reniceAndPsShowTheNiceValue() throws Exception {
        Programs.Run run = script(Options.defaults(), "nice -n 5 ps -o ni,comm", "renice 7 1", "renice -n 2 -p 1",
                "nice -n 3 ps -o pid,ni -p 1");
        assertEquals("""
                 NI COMMAND
                  0 init
                  0 run_all
                  5 ps
                1 (process ID) old priority 0, new priority 7
                1 (process ID) old priority 7, new priority 2
                  PID  NI
                    1   2
                """, run.output());
        String[][] failures = { // the command, what it prints, its exit status
            {"renice 3 -p 999 1", "renice: failed to get priority for 999 (process ID): No such process\n"
                + "1 (process ID) old priority 0, new priority 3\n", "1"},
            {"renice 3 -g x", "renice: bad process group ID value: x\n", "1"},
            {"renice x 1", "renice: invalid priority 'x'\nTry 'renice --help' for more information.\n", "1"},
            {"renice 3", "renice: not enough arguments\nTry 'renice --help' for more information.\n", "1"},
            {"nice /tmp", "nice: '/tmp': Permission denied\n", "126"},
        };
        for (String[] f : failures) {
            Programs.Run one = Programs.run(Programs.words(f[0]).toArray(String[]::new));
            assertEquals(f[1], one.output(), f[0]);
            assertEquals(Integer.parseInt(f[2]), one.status(), f[0]);
        }
    }

    @Test
    void tasksetShowsAndChangesAffinityWithUtilLinuxMessages() throws Exception {
        Programs.Run run = script(Options.defaults(), "taskset -p 1", "taskset -cp 1", "taskset -p 3 1",
                "taskset -cp 2-3 1", "taskset -p 10 1", "taskset -p xx 1", "taskset -c 0 nosuch", "taskset -p 1 999");
        assertEquals("""
                pid 1's current affinity mask: f
                pid 1's current affinity list: 0-3
                pid 1's current affinity mask: f
                pid 1's new affinity mask: 3
                pid 1's current affinity list: 0,1
                pid 1's new affinity list: 2,3
                pid 1's current affinity mask: c
                taskset: failed to set pid 1's affinity: Invalid argument
                [exit 1]
                taskset: failed to parse CPU mask: xx
                [exit 1]
                taskset: failed to execute nosuch: No such file or directory
                [exit 127]
                taskset: failed to get pid 999's affinity: No such process
                [exit 1]
                """, run.output());
    }

    @Test
    void killSignalsAndReportsFailuresAsProcps() throws Exception {
        Programs.Run run = script(Options.defaults(), "kill -0 1", "kill -s 0 1", "kill 999", "kill -s FOO 1",
                "kill -l TERM", "kill");
        assertEquals("""
                kill: (999): No such process
                [exit 1]
                kill: unknown signal: FOO
                [exit 1]
                15
                Usage:
                 kill [options] <pid> [...]
                [exit 1]
                """, run.output());
    }

    @Test
    void envPrintsChangesAndRunsWithTheEnvironment() throws Exception {
        Programs.Run run = script(Options.defaults(), "env", "env -i A=1 B=2 env", "env -u PATH env", "env nosuch");
        assertEquals("""
                PATH=/bin
                HOME=/
                A=1
                B=2
                HOME=/
                env: 'nosuch': No such file or directory
                [exit 127]
                """, run.output());
    }

    @Test
    void yesFeedsAPipeUntilTheReaderStops() throws Exception {
        Programs.Run run = script(Options.defaults(), "yes hello world | head -n 3", "echo one two | wc",
                "sleep 0.01", "sleep 1x", "true", "false");
        assertEquals("""
                hello world
                hello world
                hello world
                      1       2       8
                sleep: invalid time interval '1x'
                Try 'sleep --help' for more information.
                [exit 1]
                [exit 1]
                """, run.output());
    }
}

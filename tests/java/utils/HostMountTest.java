package utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --mount HOSTDIR} (Options.withMount) shows a host directory at /mnt/host, read and
 * write, and nothing outside it: neither ".." nor a symbolic link leads out (a link's target
 * is a guest path). The confinement itself is tested in fs.HostMountConfinementTest and its
 * neighbours.
 */
class HostMountTest {
    @TempDir Path tmp;
    @TempDir Path host;
    @TempDir Path outside;

    private static final String WRITER = """
            #include <fcntl.h>
            #include <stdio.h>
            #include <string.h>
            #include <unistd.h>

            int main(int argc, char **argv) {
                int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
                if (fd < 0) {
                    perror(argv[1]);
                    return 1;
                }
                write(fd, argv[2], strlen(argv[2]));
                write(fd, "\\n", 1);
                close(fd);
                return 0;
            }
            """;

    @BeforeEach
    void fillHostDirectory() throws Exception {
        Files.writeString(host.resolve("hello.c"), "int main(void) { return 0; }\n");
        Files.createDirectories(host.resolve("src/lib"));
        Files.writeString(host.resolve("src/lib/notes.txt"), "inside\n");
        Files.writeString(outside.resolve("secret.txt"), "outside\n");
    }

    private Programs.Run script(String... commands) throws Exception {
        byte[] writer = Programs.compile(tmp, "writer", WRITER);
        return Programs.script(tmp, Options.defaults().withMount(host), Map.of("/tmp/prog/writer", writer), commands);
    }

    @Test
    void hostFilesCanBeReadListedAndWritten() throws Exception {
        Programs.Run run = script("ls /mnt/host", "cat /mnt/host/src/lib/notes.txt", "/tmp/prog/writer /mnt/host/out.txt written",
                "cat /mnt/host/out.txt", "mkdir -p /mnt/host/new/deeper", "wc -l /mnt/host/hello.c");
        assertEquals("""
                hello.c
                src
                inside
                written
                1 /mnt/host/hello.c
                """, run.output());
        assertEquals("written\n", Files.readString(host.resolve("out.txt"), StandardCharsets.UTF_8));
        assertTrue(Files.isDirectory(host.resolve("new/deeper")));
    }

    @Test
    void aProgramInTheMountedDirectoryCanBeExecuted() throws Exception {
        // The writer program, compiled on the host side of the mount, is exec'd from /mnt/host.
        Files.write(host.resolve("writer"), Programs.compile(tmp, "writer", WRITER));
        Files.setPosixFilePermissions(host.resolve("writer"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Programs.Run run = script("/mnt/host/writer /mnt/host/from-host.txt ran", "cat /mnt/host/from-host.txt");
        assertEquals("ran\n", run.output());
    }

    @Test
    void removingInTheGuestRemovesOnTheHost() throws Exception {
        Programs.Run run = script("rm -r /mnt/host/src", "rm /mnt/host/hello.c", "ls -a /mnt/host");
        assertEquals(".\n..\n", run.output());
        assertFalse(Files.exists(host.resolve("src")));
        assertFalse(Files.exists(host.resolve("hello.c")));
    }

    @Test
    void dotDotAtTheTopLeadsToTheGuestNotTheHost() throws Exception {
        Programs.Run run = script("ls /mnt/host/..", "ls /mnt/host/src/../..");
        assertEquals("host\nhost\n", run.output());
    }

    @Test
    void hostSymlinksNameGuestPathsNeverHostOnes() throws Exception {
        Files.createSymbolicLink(host.resolve("escape"), outside);
        Files.createSymbolicLink(host.resolve("escape.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(host.resolve("relative"), Path.of("../" + outside.getFileName() + "/secret.txt"));
        // A path the guest has a file at (made by the writer) and the host surely has not.
        String guestPath = "/tmp/" + outside.getFileName() + "-made-by-the-guest.txt";
        Files.createSymbolicLink(host.resolve("guest.txt"), Path.of(guestPath));
        Programs.Run run = script("cat /mnt/host/escape/secret.txt", "cat /mnt/host/escape.txt",
                "/tmp/prog/writer /mnt/host/escape.txt overwrite", "cat /mnt/host/relative",
                "/tmp/prog/writer " + guestPath + " in-the-guest", "cat /mnt/host/guest.txt", "ls /mnt/host");
        assertEquals("""
                cat: /mnt/host/escape/secret.txt: No such file or directory
                [exit 1]
                cat: /mnt/host/escape.txt: No such file or directory
                [exit 1]
                /mnt/host/escape.txt: No such file or directory
                [exit 1]
                cat: /mnt/host/relative: No such file or directory
                [exit 1]
                in-the-guest
                escape
                escape.txt
                guest.txt
                hello.c
                relative
                src
                """, run.output());
        assertEquals("outside\n", Files.readString(outside.resolve("secret.txt"), StandardCharsets.UTF_8));
        assertFalse(Files.exists(Path.of(guestPath)), "the link's target is the guest's file, not the host's");
    }

    @Test
    void symlinkInsideTheMountIsFollowedAndALoopIsEloop() throws Exception {
        Files.createSymbolicLink(host.resolve("notes"), Path.of("src/lib/notes.txt"));
        Files.createSymbolicLink(host.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(host.resolve("loop2"), Path.of("loop1"));
        Programs.Run run = script("cat /mnt/host/notes", "cat /mnt/host/loop1");
        assertEquals("""
                inside
                cat: /mnt/host/loop1: Too many levels of symbolic links
                [exit 1]
                """, run.output());
    }

    @Test
    void onlyFilesAndDirectoriesCanBeMade() throws Exception {
        String source = """
                #include <stdio.h>
                #include <unistd.h>
                #include <sys/stat.h>
                #include <sys/syscall.h>

                int main(void) {
                    if (symlink("hello.c", "/mnt/host/link") < 0) perror("symlink");
                    if (link("/mnt/host/hello.c", "/mnt/host/hard") < 0) perror("link");
                    if (syscall(SYS_rename, "/mnt/host/hello.c", "/tmp/moved") < 0) perror("rename");
                    if (syscall(SYS_rename, "/mnt/host/hello.c", "/mnt/host/src/moved.c") == 0) printf("renamed inside\\n");
                    return 0;
                }
                """;
        byte[] prog = Programs.compile(tmp, "makers", source);
        Programs.Run run = Programs.run(Options.defaults().withMount(host), Map.of("/tmp/prog/makers", prog),
                new byte[0], java.util.List.of("/tmp/prog/makers"));
        assertEquals("""
                symlink: Operation not permitted
                link: Operation not permitted
                rename: Invalid cross-device link
                renamed inside
                """, run.output());
        assertTrue(Files.exists(host.resolve("src/moved.c")));
    }
}

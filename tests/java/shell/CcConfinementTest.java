package shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import boot.Session;
import fs.FsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shell's cc is confined to the guest, as a guest program is: every route by which a
 * compiler can name a file (an absolute or ../ #include, -I, relative and absolute inputs,
 * -o joined and separate, ../ outputs, /proc and /dev, a symbolic link or FIFO in the
 * mounted directory) is tried against a marker file in a host directory outside any
 * mount. The marker's contents must never appear, and the host tree around it (the
 * mount's own files aside) must be exactly as before: nothing read, created, changed or
 * removed. Then cc must still work end to end, on /tmp and on /mnt/host.
 */
class CcConfinementTest {
    /** What the marker files hold: an identifier, so that cc -E would print it if it read them. */
    private static final String SECRET = "CLONIX_HOST_SECRET_5e1c";
    /** Enough ".." to climb from any guest directory to the root. */
    private static final String UP = "../../../../../../../../../../../..";

    @TempDir Path hostTree;
    private Path outside;
    private Path mount;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private Session session;
    private Shell sh;
    private int shown;

    /** Makes the host tree (outside/ with the markers, mount/) and boots a shell, with --mount if asked. */
    private void boot(boolean withMount) throws IOException {
        outside = Files.createDirectories(hostTree.resolve("outside"));
        mount = Files.createDirectories(hostTree.resolve("mount"));
        Files.writeString(outside.resolve("marker.h"), "int " + SECRET + ";\n");
        Files.writeString(outside.resolve("marker.c"), "int " + SECRET + ";\n");
        Files.writeString(mount.resolve("prog.c"), "#include <stdio.h>\nint main(void) { printf(\"from the mount\\n\"); return 0; }\n");
        Options options = withMount ? Options.defaults().withMount(mount) : Options.defaults();
        session = ShellMain.boot(options, screen);
        sh = new Shell(session, Frontend.BATCH, new PrintStream(screen, true, StandardCharsets.UTF_8));
    }

    /** Runs one shell line; returns what it printed and its status, as "output[status N]". */
    private String run(String line) {
        sh.runLine(line);
        String all = screen.toString(StandardCharsets.UTF_8);
        String out = all.substring(shown);
        shown = all.length();
        return out + "[status " + sh.lastStatus() + "]";
    }

    /** Writes {@code lines} (without single quotes) to the guest file {@code path}. */
    private void guestFile(String path, String... lines) {
        for (int i = 0; i < lines.length; i++) {
            assertEquals("[status 0]", run("echo '" + lines[i] + "' " + (i == 0 ? ">" : ">>") + " " + path));
        }
    }

    /** Every file under {@code root} with its type and, for a regular file, its bytes and mtime. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                String what;
                if (Files.isSymbolicLink(p)) what = "link " + Files.readSymbolicLink(p);
                else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) what = "dir";
                else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    what = "file " + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS) + " "
                            + Base64.getEncoder().encodeToString(Files.readAllBytes(p));
                } else what = "other";
                files.put(root.relativize(p).toString(), what);
            }
        }
        return files;
    }

    /** Runs {@code line}, which must fail, and checks that it neither printed the marker nor touched the host. */
    private String refused(String line) throws IOException {
        Map<String, String> before = snapshot(hostTree);
        String out = run(line);
        assertFalse(out.contains(SECRET), line + " read the host's marker:\n" + out);
        assertTrue(out.endsWith("[status 1]"), line + " should fail:\n" + out);
        assertEquals(before, snapshot(hostTree), line + " changed the host");
        return out;
    }

    @ParameterizedTest(name = "mounted: {0}")
    @ValueSource(booleans = {false, true})
    void includesNeverReachHostFiles(boolean withMount) throws IOException {
        boot(withMount);
        String marker = outside + "/marker.h";
        guestFile("/tmp/abs.c", "#include \"" + marker + "\"");
        guestFile("/tmp/up.c", "#include \"" + UP + marker + "\"");
        guestFile("/tmp/angled.c", "#include <marker.h>");
        guestFile("/tmp/quoted.c", "#include \"marker.h\"");
        guestFile("/tmp/sibling.c", "#include \"/mnt/host/../outside/marker.h\"");
        for (String line : List.of("cc -E /tmp/abs.c", "cc -c /tmp/abs.c -o /tmp/abs.o", "cc -E /tmp/up.c",
                "cc -E -I" + outside + " /tmp/angled.c", "cc -E -I " + outside + " /tmp/quoted.c",
                "cc -E -I" + UP + outside + " /tmp/angled.c", "cc -E -I/mnt/host/" + UP + outside + " /tmp/angled.c",
                "cc -E -I/mnt/host/../outside /tmp/quoted.c", "cc -E /tmp/sibling.c")) {
            String out = refused(line);
            assertTrue(out.contains("fatal error: '"), line + ":\n" + out);
            assertTrue(out.contains("file not found"), line + ":\n" + out);
        }
    }

    @ParameterizedTest(name = "mounted: {0}")
    @ValueSource(booleans = {false, true})
    void inputsNeverReachHostFiles(boolean withMount) throws IOException {
        boot(withMount);
        String marker = outside + "/marker.c";
        assertEquals("[status 0]", run("cd /tmp"));
        for (String path : List.of(marker, UP + marker, "/mnt/host/../outside/marker.c", "/mnt/host/" + UP + marker)) {
            assertEquals("cc: error: " + path + ": No such file or directory\n[status 1]", refused("cc -E " + path));
            assertTrue(refused("cc -c " + path).startsWith("cc: error: " + path + ": No such file or directory\n"));
        }
    }

    @ParameterizedTest(name = "mounted: {0}")
    @ValueSource(booleans = {false, true})
    void outputsNeverReachHostFiles(boolean withMount) throws IOException {
        boot(withMount);
        guestFile("/tmp/ok.c", "int main(void) { return 0; }");
        assertEquals("[status 0]", run("cd /tmp"));
        String evil = outside + "/evil";
        for (String target : List.of(evil, UP + evil, "/mnt/host/../outside/evil", "/mnt/host/" + UP + evil)) {
            for (String option : List.of("-o" + target, "-o " + target)) {
                for (String mode : List.of("-c", "-S", "-E", "")) {
                    String line = "cc " + mode + " ok.c " + option;
                    assertEquals("cc: error: cannot open output file " + target + ": No such file or directory\n[status 1]",
                            refused(line), line);
                }
            }
        }
        assertFalse(Files.exists(outside.resolve("evil")));
        String proc = refused("cc -c ok.c -o /proc/evil.o");
        assertTrue(proc.startsWith("cc: error: cannot open output file /proc/evil.o: "), proc);
        assertEquals("[status 0]", run("cc ok.c -o /dev/null"), "/dev/null takes the output, as on Linux");
    }

    @Test
    void aHostSymlinkOrFifoInTheMountLeadsNowhere() throws Exception {
        boot(true);
        Files.createSymbolicLink(mount.resolve("link.h"), Path.of("../outside/marker.h"));
        Files.writeString(mount.resolve("uses_link.c"), "#include \"link.h\"\n");
        assertTrue(refused("cc -E /mnt/host/uses_link.c").contains("'link.h' file not found"));
        Process mkfifo = new ProcessBuilder("mkfifo", mount.resolve("fifo.c").toString()).start();
        if (mkfifo.waitFor() == 0) {
            String out = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> refused("cc -E /mnt/host/fifo.c"));
            assertTrue(out.startsWith("cc: error: /mnt/host/fifo.c: "), out);
        }
    }

    /** A guest FIFO and a link to the console as inputs: refused at once, never read (which would block). */
    @Test
    void devicesAndFifosAreNotRead() throws IOException {
        boot(false);
        guestFile("/tmp/mk.c", "#include <unistd.h>",
                "int main(void) { return syscall(133, \"/tmp/fifo.c\", 0010644, 0) != 0 || symlink(\"/dev/console\", \"/tmp/tty.c\") != 0; }");
        assertEquals("[status 0]", run("cc /tmp/mk.c -o /tmp/mk && /tmp/mk"));
        String fifo = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("cc -E /tmp/fifo.c"));
        assertEquals("cc: error: /tmp/fifo.c: not a regular file\n[status 1]", fifo);
        String tty = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("cc -c /tmp/tty.c"));
        assertEquals("cc: error: /tmp/tty.c: not a regular file\n[status 1]", tty);
        assertEquals("[status 0]", run("mkdir /tmp/dir.c"));
        assertEquals("cc: error: /tmp/dir.c: Is a directory\n[status 1]", run("cc -E /tmp/dir.c"));
    }

    @Test
    void ccBuildsAndRunsProgramsOnTmp() throws Exception {
        boot(false);
        Map<String, String> before = snapshot(hostTree);
        assertEquals("[status 0]", run("mkdir /tmp/inc"));
        guestFile("/tmp/inc/msg.h", "#define MSG \"hello from /tmp\"");
        guestFile("/tmp/main.c", "#include <stdio.h>", "#include \"msg.h\"", "int main(void) { puts(MSG); return 3; }");
        assertEquals("[status 0]", run("cd /tmp"));
        assertEquals("[status 0]", run("cc -Iinc -c main.c"));
        assertEquals("hello from /tmp\n[status 3]", run("cc main.o -o hello && ./hello"));
        assertEquals("[status 0]", run("echo not yet a program > replaced"));
        assertEquals("hello from /tmp\n[status 3]", run("cc -I/tmp/inc main.c -o replaced && ./replaced"),
                "as with GNU ld, a replaced file becomes executable");
        String diag = run("cc -Iinc -DMSG=oops main.c");
        assertTrue(diag.startsWith("inc/msg.h:1:9: warning: 'MSG' macro redefined"), "paths as typed:\n" + diag);
        assertEquals(before, snapshot(hostTree), "nothing on the host changed");
        for (String path : List.of("/tmp/main.c", "/tmp/inc/msg.h", "/tmp/hello", "/usr/lib/libc.a", "/usr/include/stdio.h")) {
            assertEquals(0, openCount(path), path + " was left open");
        }
    }

    @Test
    void ccBuildsAndRunsProgramsOnTheMount() throws IOException {
        boot(true);
        Map<String, String> outsideBefore = snapshot(outside);
        assertEquals("from the mount\n[status 0]", run("cc /mnt/host/prog.c -o /tmp/prog && /tmp/prog"));
        assertEquals("[status 0]", run("cd /mnt/host"));
        assertEquals("from the mount\n[status 0]", run("cc -c prog.c && cc prog.o -o prog && ./prog"));
        assertTrue(Files.size(mount.resolve("prog")) > 0 && Files.size(mount.resolve("prog.o")) > 0);
        assertEquals(outsideBefore, snapshot(outside), "nothing outside the mount changed");
        assertEquals(List.of("mount/prog", "mount/prog.c", "mount/prog.o"),
                snapshot(hostTree).keySet().stream().filter(p -> p.startsWith("mount/")).toList());
    }

    private int openCount(String path) {
        try {
            return session.kernel().vfs().lookup(path).openCount();
        } catch (FsException e) {
            throw new AssertionError(path + ": errno " + e.errno());
        }
    }
}

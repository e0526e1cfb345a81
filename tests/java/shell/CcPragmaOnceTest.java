package shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.Options;
import boot.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code #pragma once} in the guest's cc knows a header by its inode, as GCC does, not by
 * the spelling of its path: "./x.h", "a/../x.h", a host symbolic link in the --mount and a
 * guest symbolic link in /tmp all reach the one file, which is read once.
 */
class CcPragmaOnceTest {
    @TempDir Path mount;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private Shell sh;
    private int shown;

    private String run(String line) {
        sh.runLine(line);
        String all = screen.toString(StandardCharsets.UTF_8);
        String out = all.substring(shown);
        shown = all.length();
        return out + "[status " + sh.lastStatus() + "]";
    }

    @Test
    void aHeaderReachedThroughOtherPathsIsIncludedOnce() throws IOException {
        Files.createDirectories(mount.resolve("a"));
        Files.createDirectories(mount.resolve("sub"));
        Files.writeString(mount.resolve("x.h"), "#pragma once\nonly_once\n");
        Files.createSymbolicLink(mount.resolve("sub/link.h"), Path.of("../x.h"));
        Files.writeString(mount.resolve("prog.c"), "#include \"x.h\"\n#include \"./x.h\"\n#include \"a/../x.h\"\n"
                + "#include \"sub/link.h\"\n#include \"/tmp/guest_link.h\"\nend\n");
        Session session = ShellMain.boot(Options.defaults().withMount(mount), screen);
        sh = new Shell(session, Frontend.BATCH, new PrintStream(screen, true, StandardCharsets.UTF_8));
        assertEquals("[status 0]", run("echo '#include <unistd.h>' > /tmp/ln.c"));
        assertEquals("[status 0]", run("echo 'int main(void) { return symlink(\"/mnt/host/x.h\", \"/tmp/guest_link.h\"); }' >> /tmp/ln.c"));
        assertEquals("[status 0]", run("cc /tmp/ln.c -o /tmp/ln && /tmp/ln"));
        assertEquals("only_once\nend\n[status 0]", run("cc -E /mnt/host/prog.c"));
    }
}

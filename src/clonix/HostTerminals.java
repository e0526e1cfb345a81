package clonix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which of the host's standard streams are terminals, so that a guest's are exactly when
 * the host's are (boot.Kernel#setTerminals). Java 17 has no isatty: on Linux the answer is
 * where /proc/self/fd/N points (a terminal is a /dev/pts or /dev/tty device); elsewhere the
 * best Java can say is System.console(), which exists when standard input and output are
 * both terminals.
 */
final class HostTerminals {
    private HostTerminals() {}

    /** For descriptors 0, 1 and 2: is it a terminal on the host? */
    static boolean[] standardStreams() {
        boolean console = System.console() != null;
        boolean[] terminal = new boolean[3];
        for (int fd = 0; fd < 3; fd++) {
            Path link = Path.of("/proc/self/fd/" + fd);
            try {
                String target = Files.readSymbolicLink(link).toString();
                terminal[fd] = target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            } catch (IOException | UnsupportedOperationException e) {
                terminal[fd] = console;
            }
        }
        return terminal;
    }
}

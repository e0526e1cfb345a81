package clonix;

import boot.Options;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import shell.ShellMain;

/**
 * What {@code clonix} with no subcommand does: boot a machine and open the shell on it,
 * interactively when standard input and output are a terminal, in batch mode otherwise or
 * with {@code --script FILE} (docs/shell.md).
 */
final class ShellLauncher {
    private ShellLauncher() {}

    /** Runs the shell; returns its exit status. */
    static int launch(Options options, Path script, boolean echo) throws Exception {
        if (script != null) {
            try (InputStream in = Files.newInputStream(script)) {
                return ShellMain.runBatch(options, in, script.toString(), System.out, echo);
            } catch (NoSuchFileException e) {
                throw new HostFiles.UserError("cannot read " + script + ": no such file");
            }
        }
        if (System.console() == null) return ShellMain.runBatch(options, System.in, System.out, echo);
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("clonix").build()) {
            Path history = Path.of(System.getProperty("user.home"), ".clonix_history");
            return ShellMain.runInteractive(options, terminal, history);
        }
    }
}

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

    /** The machine options as the command line gave them; a UserError names a bad one. */
    static Options options(int cpus, int memMiB, long seed, int timeslice, long hz) throws HostFiles.UserError {
        if (cpus < 1 || cpus > 64) throw new HostFiles.UserError("--cpus must be between 1 and 64");
        if (memMiB < 4 || memMiB > 4096) throw new HostFiles.UserError("--mem must be between 4 and 4096 MiB");
        if (timeslice < 1) throw new HostFiles.UserError("--timeslice must be at least 1");
        if (hz < 1 || hz > Options.MAX_HZ) throw new HostFiles.UserError("--hz must be between 1 and " + Options.MAX_HZ);
        return Options.defaults().withCpus(cpus).withMemory((long) memMiB << 20).withSeed(seed).withTimeSlice(timeslice)
                .withHz(hz);
    }

    /** Runs the shell; returns its exit status. */
    static int launch(Options options, Path script, boolean echo) throws Exception {
        if (script != null) {
            try (InputStream in = Files.newInputStream(script)) {
                return ShellMain.runBatch(options, in, System.out, echo);
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

package clonix;

import cc.Driver;
import image.BootImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code clonix cc ARGS...}: the C compiler driver on the host, as gcc's command line
 * ({@code -I -D -U -c -S -E -o -L -l -nostdlib}). Programs are linked with crt0.o and
 * libc.a from the boot image, whose headers are the system headers: all three are read from
 * memory at their guest paths (/usr/include, /usr/lib), as the guest's cc finds them. A
 * build without a boot image uses userland/include.
 */
@Command(name = "cc", description = "Compile C for Clonix: cc [-I dir] [-D name[=value]] [-c] [-S] [-E] [-o out] files...")
final class CcCommand extends ToolCommand {
    @Parameters(paramLabel = "ARG", description = "arguments, as gcc takes them")
    List<String> args = new ArrayList<>();

    @Override
    int call0() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        BootImage image = BootImage.load();
        Driver driver = image.hasLibc() ? image.driver(cwd) : Driver.forProject(ProjectDir.find(), cwd);
        return driver.execute(args.toArray(String[]::new), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}

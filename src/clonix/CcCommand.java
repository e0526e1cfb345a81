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
 * libc.a from the boot image, and the headers come from userland/include.
 */
@Command(name = "cc", description = "Compile C for Clonix: cc [-I dir] [-D name[=value]] [-c] [-S] [-E] [-o out] files...")
final class CcCommand extends ToolCommand {
    @Parameters(paramLabel = "ARG", description = "arguments, as gcc takes them")
    List<String> args = new ArrayList<>();

    @Override
    int call0() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        Driver driver = Driver.forProject(ProjectDir.find(), cwd);
        BootImage image = BootImage.load();
        if (image.hasLibc()) {
            Path lib = image.hostLibDir();
            driver.standardLink(List.of(lib.resolve("crt0.o")), List.of(lib.resolve("libc.a")));
        }
        return driver.execute(args.toArray(String[]::new), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}

package clonix;

import java.nio.file.Path;
import java.util.List;
import obj.ExecutableFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clonix ld FILES... [-o OUT] [-e ENTRY]}: link objects and archives. */
@Command(mixinStandardHelpOptions = true, name = "ld", description = "Link object files (.o, or .s sources) and archives (.a) into an executable.")
final class LdCommand extends ToolCommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "objects, sources and archives, in link order")
    List<Path> files;

    @Option(names = "-o", paramLabel = "OUT", defaultValue = "a.out", description = "output file (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "-e", paramLabel = "SYMBOL", defaultValue = "_start", description = "entry symbol (default: ${DEFAULT-VALUE})")
    String entry;

    @Override
    int call0() throws Exception {
        for (Path p : files) {
            if (!Inputs.isToolchainInput(p)) {
                throw new HostFiles.UserError(p + ": not an object, source or archive (.o, .s, .a)");
            }
        }
        HostFiles.write(out, ExecutableFormat.write(Inputs.link(files, entry)));
        return 0;
    }
}

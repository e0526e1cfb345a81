package clonix;

import asm.Assembler;
import java.nio.file.Path;
import obj.ObjectFile;
import obj.ObjectFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clonix as FILE.s [-o FILE.o]}: assemble one source file into an object file. */
@Command(mixinStandardHelpOptions = true, name = "as", description = "Assemble a .s file into an object file (.o).")
final class AsCommand extends ToolCommand {
    @Parameters(paramLabel = "FILE.s", description = "the assembly source")
    Path source;

    @Option(names = "-o", paramLabel = "OUT", description = "output file (default: FILE.o)")
    Path out;

    @Override
    int call0() throws Exception {
        ObjectFile o = Assembler.assemble(source.toString(), HostFiles.readText(source));
        Path target = out != null ? out : Path.of(stripSuffix(source.getFileName().toString()) + ".o");
        HostFiles.write(target, ObjectFormat.write(o));
        return 0;
    }

    static String stripSuffix(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

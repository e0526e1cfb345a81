package clonix;

import asm.Disassembler;
import java.nio.file.Path;
import obj.Executable;
import obj.Segment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clonix objdump -d [-l] FILE}: disassemble an executable or an object file, with source lines if -l. */
@Command(mixinStandardHelpOptions = true, name = "objdump", description = "Disassemble an executable or object file, in the style of objdump -d.")
final class ObjdumpCommand extends ToolCommand {
    @Option(names = "-d", description = "disassemble the code (the default)")
    boolean disassemble;

    @Option(names = {"-l", "--line-numbers"}, description = "say which source line (file:line) each run of code came from")
    boolean lineNumbers;

    @Option(names = "--source", description = "print assembly that re-assembles to the same bytes")
    boolean asSource;

    @Parameters(paramLabel = "FILE", description = "an executable, a .o or a .s file")
    Path file;

    @Override
    int call0() throws Exception {
        String text;
        if (Inputs.isToolchainInput(file)) {
            text = Disassembler.disassemble(Inputs.object(file), lineNumbers);
        } else if (asSource) {
            text = sourceOf(Inputs.executable(file));
        } else {
            text = Disassembler.disassemble(Inputs.executable(file), lineNumbers);
        }
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Re-assemblable source of an executable's code segments. */
    private static String sourceOf(Executable exe) {
        StringBuilder s = new StringBuilder();
        for (Segment seg : exe.segments()) {
            if (seg.executable()) s.append(Disassembler.disassembleAsSource(seg.data(), seg.vaddr(), exe.symbols()));
        }
        return s.toString();
    }
}

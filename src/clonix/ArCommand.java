package clonix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import obj.Archive;
import obj.ObjectFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code clonix ar LIB.a FILES...}: build a static library from object files. */
@Command(mixinStandardHelpOptions = true, name = "ar", description = "Create a static library (.a) from object files (.o or .s).")
final class ArCommand extends ToolCommand {
    @Parameters(index = "0", paramLabel = "LIB.a", description = "the archive to create")
    Path archive;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "members, in order")
    List<Path> members;

    @Override
    int call0() throws Exception {
        List<ObjectFile> objects = new ArrayList<>();
        for (Path p : members) objects.add(Inputs.object(p));
        HostFiles.write(archive, Archive.write(objects));
        return 0;
    }
}

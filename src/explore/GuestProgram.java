package explore;

import boot.Kernel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A program to explore or replay, given as the bytes of its executable, and how every machine
 * that runs it is set up: the boot image's files, then the executable at /tmp/NAME, run as
 * {@code /tmp/NAME ARGS}. {@code clonix run}, {@code clonix explore} and the grader (whose
 * programs come from host paths) and the shell's {@code explore} and {@code replay} (whose
 * programs are files of the session's guest file system) all set their machines up here, so
 * the same executable, name, arguments and machine options give the same machine wherever
 * the program came from, and a schedule recorded by one replays in the other.
 *
 * @param files      the boot image's files (guest path to contents; those under /bin/ are executable)
 * @param name       the program's file name; a .c, .s or .o suffix is dropped (RunCommand compiles those)
 * @param executable the executable's bytes, as obj.ExecutableFormat writes them
 * @param args       argv[1] ...
 * @param race       whether each run also detects data races (explore --race)
 */
public record GuestProgram(Map<String, byte[]> files, String name, byte[] executable, List<String> args, boolean race)
        implements ControlledRun.Setup {
    @Override
    public List<String> install(Kernel kernel) {
        return install(kernel, files, name, executable, args);
    }

    @Override
    public boolean detectRaces() {
        return race;
    }

    /**
     * Installs {@code files} and {@code executable} at /tmp/NAME (see the class comment) in a
     * freshly booted {@code kernel}; returns the argv to run it with.
     */
    public static List<String> install(Kernel kernel, Map<String, byte[]> files, String name, byte[] executable, List<String> args) {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            kernel.installFile(f.getKey(), f.getValue(), f.getKey().startsWith("/bin/") ? 0755 : 0644);
        }
        String guestPath = "/tmp/" + name.replaceFirst("\\.[cso]$", "");
        kernel.installFile(guestPath, executable, 0755);
        List<String> argv = new ArrayList<>();
        argv.add(guestPath);
        argv.addAll(args);
        return argv;
    }
}

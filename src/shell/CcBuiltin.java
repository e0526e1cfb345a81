package shell;

import cc.Driver;
import image.BootImage;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code cc}: Clonix's C compiler, run by the shell on files of the guest. Every file it
 * touches (sources, headers from /usr/include, crt0.o and libc.a from /usr/lib, object
 * files, outputs) goes through the guest's VFS as the shell's task sees it, so
 * {@code cc hello.c -o hello && ./hello} works inside the system and the compiler can reach
 * nothing a guest program could not: see {@link GuestCompilerFiles}. Nothing is written
 * to the host, not even a temporary file. Diagnostics name files as the user typed them.
 */
final class CcBuiltin {
    private CcBuiltin() {}

    static void register(Builtins table) {
        table.add(new Builtin("cc", "cc [OPTION...] FILE...", "compile C inside the guest",
                "Compiles and links guest files with Clonix's compiler, as gcc would: .c, .s, .o\n"
                        + "and .a inputs, -I -D -U -L -l, output a.out by default; programs are linked\n"
                        + "with /usr/lib/crt0.o and /usr/lib/libc.a. The output is written into the guest.",
                CcBuiltin::cc));
    }

    private static int cc(Shell sh, List<String> args, Builtin.Io io) {
        if (args.size() < 2) {
            io.err().println("cc: fatal error: no input files");
            return 1;
        }
        GuestCompilerFiles files = new GuestCompilerFiles(sh.session.kernel().vfs(), sh.session.shell().fs());
        Driver driver = new Driver(files, List.of(BootImage.INCLUDE_DIR))
                .standardLink(List.of(BootImage.CRT0), List.of(BootImage.LIBC));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(io.err(), StandardCharsets.UTF_8));
        return driver.execute(args.subList(1, args.size()).toArray(String[]::new), out, err);
    }
}

package clonix;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import obj.Executable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clonix addr2line -e EXE [-f] ADDR...}: the source line of each code address, from
 * the executable's line table, as GNU addr2line prints it: "file:line" per address, with
 * the function's name on the line before it under -f. An address the table does not cover
 * is "??:?" inside the program and "??:0" outside it, and an unknown function is "??", as
 * GNU's. With no address on the command line, addresses are read from standard input.
 */
@Command(mixinStandardHelpOptions = true, name = "addr2line",
        description = "Say which source line (file:line) each address of an executable came from, as addr2line does.")
final class Addr2lineCommand extends ToolCommand {
    @Option(names = {"-e", "--exe"}, paramLabel = "EXE", description = "the executable (default: a.out)")
    Path exe = Path.of("a.out");

    @Option(names = {"-f", "--functions"}, description = "print the function's name before each file:line")
    boolean functions;

    @Parameters(paramLabel = "ADDR", arity = "0..*", description = "addresses in hexadecimal, with or without 0x")
    List<String> addresses = new ArrayList<>();

    @Override
    int call0() throws Exception {
        Executable program = Inputs.executable(exe);
        List<String> todo = addresses;
        if (todo.isEmpty()) {
            todo = new ArrayList<>();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                for (String word : line.trim().split("\\s+")) if (!word.isEmpty()) todo.add(word);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String a : todo) {
            long addr = parseAddress(a);
            if (functions) out.println(program.symbolAt(addr).map(s -> s.symbol().name).orElse("??"));
            out.println(program.lines().lookup(addr).map(l -> l.file() + ":" + l.line())
                    .orElse(program.segmentAt(addr) != null ? "??:?" : "??:0"));
        }
        out.flush();
        return 0;
    }

    /**
     * The address a word spells, read as GNU's bfd_scan_vma reads it: hexadecimal, an
     * optional 0x, up to the first character that is not a hex digit (none: 0).
     */
    static long parseAddress(String word) {
        String s = word.startsWith("0x") || word.startsWith("0X") ? word.substring(2) : word;
        long v = 0;
        for (int i = 0; i < s.length() && Character.digit(s.charAt(i), 16) >= 0; i++) v = (v << 4) | Character.digit(s.charAt(i), 16);
        return v;
    }
}

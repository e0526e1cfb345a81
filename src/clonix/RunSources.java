package clonix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code clonix run} is to build and run, read from its words as a student types them
 * after gcc: {@code run a.c b.c -I include -DDEBUG -lm -- arg1 arg2}. When the words before
 * the first {@code --} are all the compiler's (C, .s, .o and .a files, linked in the order
 * given, and gcc's options {@code -I -D -U -l -L -W... -O... -g -std=... -pthread -w}), they
 * are its and every word after {@code --} is the program's (argv[1] on). Otherwise gcc's
 * options may come first, then the one program file (C, .s, .o or an executable), and every
 * word after it is the program's, as it always was ({@code run prog.c -n 3 --}). Options that
 * choose what the compiler writes ({@code -o -c -S -E}) make no sense for a program that is
 * run, not written, and are refused.
 *
 * @param compiler the compiler's words, sources and options, in the order given
 * @param sources  the program's files among them, in order (at least one)
 * @param args     the program's arguments, argv[1] on
 */
record RunSources(List<String> compiler, List<Path> sources, List<String> args) {
    /** gcc's options that take a value, in the next word when not attached ({@code -I dir}, {@code -Idir}). */
    private static final List<String> WITH_VALUE = List.of("-I", "-D", "-U", "-l", "-L");

    /** Reads {@code words} (everything after clonix's own options); a UserError says what is wrong. */
    static RunSources parse(List<String> words) throws HostFiles.UserError {
        int dashes = words.indexOf("--");
        boolean split = dashes >= 0 && allCompilerWords(words.subList(0, dashes));
        int end = split ? dashes : words.size();
        List<String> compiler = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        int i = 0;
        while (i < end) {
            String w = words.get(i++);
            if (w.equals("-o") || w.startsWith("-o") && w.length() > 2 || w.equals("-c") || w.equals("-S") || w.equals("-E")) {
                throw new HostFiles.UserError(w.substring(0, 2) + " makes no sense here: run compiles the program in"
                        + " memory and runs it (use clonix cc to write files)");
            }
            compiler.add(w);
            if (WITH_VALUE.contains(w)) {
                if (i == end) throw new HostFiles.UserError("argument to '" + w + "' is missing");
                compiler.add(words.get(i++));
            } else if (!w.startsWith("-")) {
                sources.add(Path.of(w));
                if (!split) break; // the program; what follows is its arguments
            }
        }
        if (sources.isEmpty()) throw new HostFiles.UserError("no program given (a .c, .s, .o file or an executable)");
        List<String> args = new ArrayList<>(words.subList(split ? dashes + 1 : i, words.size()));
        return new RunSources(List.copyOf(compiler), List.copyOf(sources), List.copyOf(args));
    }

    /** Whether every word is a source file (.c .s .o .a) or one of gcc's options run passes on, with its value. */
    private static boolean allCompilerWords(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (WITH_VALUE.contains(w) || w.equals("-o")) {
                i++;
            } else if (w.startsWith("-")) {
                boolean known = WITH_VALUE.contains(w.substring(0, 2)) || w.startsWith("-W") || w.startsWith("-O")
                        || w.startsWith("-g") || w.startsWith("-std=") || w.equals("-pthread") || w.equals("-w")
                        || w.startsWith("-o") || w.equals("-c") || w.equals("-S") || w.equals("-E");
                if (!known) return false;
            } else if (!w.matches(".*\\.[csoa]")) {
                return false;
            }
        }
        return true;
    }

    /** Whether the program is one file given alone: an executable, or a .s or .o file linked on its own. */
    boolean isLoneNonC() {
        return compiler.size() == 1 && !compiler.get(0).endsWith(".c");
    }
}

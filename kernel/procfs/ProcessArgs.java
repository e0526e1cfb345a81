package procfs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import mm.Mm;
import mm.MmException;

/**
 * A process's argument and environment strings, read from its own memory as Linux's
 * /proc/PID/cmdline and environ are, so a program that rewrites its argv strings shows the
 * new text.
 *
 * <p>Linux remembers {@code arg_start}/{@code arg_end} in the mm at execve and copies that
 * byte range. Clonix's mm does not keep those, and its loader (exec.Loader) stores the
 * strings in the opposite order (argv[0] highest), so the range would read backwards.
 * Instead this follows the pointer array that execve left at the initial stack pointer
 * ({@code argc, argv[0..argc-1], NULL, envp..., NULL}), which a program does not normally
 * touch because its stack grows down from below it.
 *
 * <p>Bad memory never raises: reading stops at the first string that cannot be read, and a
 * process without an mm (a zombie) has no arguments, as on Linux.
 */
final class ProcessArgs {
    /** Linux's limit on the argument and environment strings together (ARG_MAX-like). */
    static final int MAX_BYTES = 128 * 1024;
    /** Longest single string read (MAX_ARG_STRLEN). */
    static final int MAX_STRING = 128 * 1024;

    /** The strings and the address range they span ([start, end), 0-0 if none). */
    record Strings(List<String> values, long start, long end) {}

    private ProcessArgs() {}

    /** argv as execve left it, read from {@code mm}; empty for a null mm. */
    static Strings argv(Mm mm) {
        if (mm == null) return new Strings(List.of(), 0, 0);
        try {
            long argc = mm.read64(mm.startStack());
            return vector(mm, mm.startStack() + 8, argc);
        } catch (MmException e) {
            return new Strings(List.of(), 0, 0);
        }
    }

    /** envp as execve left it, read from {@code mm}; empty for a null mm. */
    static Strings envp(Mm mm) {
        if (mm == null) return new Strings(List.of(), 0, 0);
        try {
            long argc = mm.read64(mm.startStack());
            if (argc < 0 || argc > MAX_BYTES) return new Strings(List.of(), 0, 0);
            return vector(mm, mm.startStack() + 8 * (argc + 2), Long.MAX_VALUE);
        } catch (MmException e) {
            return new Strings(List.of(), 0, 0);
        }
    }

    /** /proc/PID/cmdline: each argument followed by a NUL byte; "" without an mm. */
    static String cmdline(Mm mm) {
        StringBuilder sb = new StringBuilder();
        for (String arg : argv(mm).values()) sb.append(arg).append('\0');
        return sb.toString();
    }

    /**
     * Reads the NULL-terminated pointer array at {@code array} (at most {@code count}
     * entries) and the strings it points to, until {@link #MAX_BYTES} have been read.
     */
    private static Strings vector(Mm mm, long array, long count) {
        List<String> values = new ArrayList<>();
        long start = Long.MAX_VALUE, end = 0;
        int bytes = 0;
        for (long i = 0; i < count && bytes < MAX_BYTES; i++) {
            long pointer;
            String s;
            try {
                pointer = mm.read64(array + 8 * i);
                if (pointer == 0) break;
                s = mm.readCString(pointer, MAX_STRING);
            } catch (MmException e) {
                break;
            }
            values.add(s);
            long length = s.getBytes(StandardCharsets.UTF_8).length + 1;
            bytes += length;
            start = Math.min(start, pointer);
            end = Math.max(end, pointer + length);
        }
        return values.isEmpty() ? new Strings(values, 0, 0) : new Strings(values, start, end);
    }
}

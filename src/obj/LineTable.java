package obj;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which source line each instruction came from: the line table the compiler leaves in object
 * files and executables for debuggers and backtraces (the small cousin of DWARF's
 * .debug_line).
 *
 * <p>The table is a list of rows in increasing address order. A row says that the code from
 * its address up to the next row's address came from {@code file:line}; a row with line 0
 * ends the covered code (what follows it, such as an assembly function of another object,
 * has no line). File names are kept once, in a list that rows index. In an object file the
 * addresses are offsets in .text; the linker adds each object's .text address.
 *
 * <p>Encoded in the object and executable formats (docs/executable.md, "The line table") as
 * the file names, then per row the address's distance from the previous row's, the file
 * index and the line, each as an unsigned LEB128 number: a row usually takes three or four
 * bytes.
 */
public final class LineTable {
    /** One row: the code from {@code address} on came from line {@code line} of file number {@code file}; line 0 ends a run. */
    public record Row(long address, int file, int line) {}

    /** A place in the source, as {@link #lookup} answers it. */
    public record Location(String file, int line) {}

    /** The table with no rows. */
    public static final LineTable EMPTY = new LineTable(List.of(), List.of());

    private final List<String> files;
    private final List<Row> rows;

    /**
     * A table of these files and rows.
     *
     * @throws IllegalArgumentException if the rows are not in strictly increasing address
     *         order, or a row names a file that is not in the list
     */
    public LineTable(List<String> files, List<Row> rows) {
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.file < 0 || r.file >= files.size()) throw new IllegalArgumentException("row " + i + " names file " + r.file + " of " + files.size());
            if (r.line < 0) throw new IllegalArgumentException("row " + i + " has line " + r.line);
            if (i > 0 && Long.compareUnsigned(rows.get(i - 1).address, r.address) >= 0) {
                throw new IllegalArgumentException("row " + i + " is not above the row before it");
            }
        }
        this.files = List.copyOf(files);
        this.rows = List.copyOf(rows);
    }

    /** The file names rows refer to by index. */
    public List<String> files() {
        return files;
    }

    /** The rows, in increasing address order. */
    public List<Row> rows() {
        return rows;
    }

    /** True if no code has a line. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The source line of the code at {@code address}, or empty if no row covers it. */
    public Optional<Location> lookup(long address) {
        int lo = 0, hi = rows.size() - 1, found = -1;
        while (lo <= hi) { // the last row at or below address
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(rows.get(mid).address, address) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0 || rows.get(found).line == 0) return Optional.empty();
        Row r = rows.get(found);
        return Optional.of(new Location(files.get(r.file), r.line));
    }

    /** Writes the table as docs/executable.md, "The line table", lays it out. */
    void write(BinaryWriter w) {
        w.u32(files.size());
        for (String f : files) w.string(f);
        w.u32(rows.size());
        long at = 0;
        for (Row r : rows) {
            w.uleb(r.address - at);
            w.uleb(r.file);
            w.uleb(r.line);
            at = r.address;
        }
    }

    /** Reads a table written by {@link #write}, checking every row. */
    static LineTable read(BinaryReader r) throws FormatException {
        long nfiles = r.u32("line table file count");
        List<String> files = new ArrayList<>();
        for (long i = 0; i < nfiles; i++) files.add(r.string("line table file " + i));
        long nrows = r.u32("line table row count");
        List<Row> rows = new ArrayList<>();
        long at = 0;
        for (long i = 0; i < nrows; i++) {
            String what = "line table row " + i;
            long delta = r.uleb(what + " address");
            long file = r.uleb(what + " file");
            long line = r.uleb(what + " line");
            if (i > 0 && delta == 0) throw r.fail(what + " has the address of the row before it");
            if (Long.compareUnsigned(at + delta, at) < 0) throw r.fail(what + " address is beyond 64 bits");
            if (Long.compareUnsigned(file, files.size()) >= 0) throw r.fail(what + " names file " + Long.toUnsignedString(file) + " of " + files.size());
            if (Long.compareUnsigned(line, Integer.MAX_VALUE) > 0) throw r.fail(what + " has line " + Long.toUnsignedString(line));
            at += delta;
            rows.add(new Row(at, (int) file, (int) line));
        }
        return new LineTable(files, rows);
    }

    /**
     * Builds a table row by row in address order, keeping it small: a file name is stored
     * once, a row that repeats the line of the row before it is dropped, and a row at the
     * address of the row before it replaces that row (the code there came from the later
     * line).
     */
    public static final class Builder {
        private final List<String> files = new ArrayList<>();
        private final Map<String, Integer> fileIndex = new HashMap<>();
        private final List<Row> rows = new ArrayList<>();

        /**
         * The code from {@code address} on came from {@code file:line} (line 0: has no line).
         *
         * @throws IllegalArgumentException if {@code address} is below the last row's
         */
        public Builder add(long address, String file, int line) {
            int f = fileIndex.computeIfAbsent(file, name -> {
                files.add(name);
                return files.size() - 1;
            });
            while (!rows.isEmpty()) {
                Row last = rows.get(rows.size() - 1);
                if (Long.compareUnsigned(address, last.address) < 0) {
                    throw new IllegalArgumentException("row at 0x" + Long.toHexString(address) + " is below the row before it");
                }
                if (address != last.address) {
                    if (last.line == line && (line == 0 || last.file == f)) return this;
                    break;
                }
                rows.remove(rows.size() - 1);
            }
            if (line == 0 && (rows.isEmpty() || rows.get(rows.size() - 1).line == 0)) return this; // nothing to end
            rows.add(new Row(address, f, line));
            return this;
        }

        /** Ends the covered code at {@code address} (a row with line 0), if any code is covered. */
        public Builder end(long address) {
            if (rows.isEmpty()) return this;
            return add(address, files.get(rows.get(rows.size() - 1).file), 0);
        }

        /** Adds every row of {@code table} with {@code base} added to its address, and ends it at {@code base + size}. */
        public Builder addAll(LineTable table, long base, long size) {
            for (Row r : table.rows) add(base + r.address, table.files.get(r.file), r.line);
            return end(base + size);
        }

        /** The table built so far. */
        public LineTable build() {
            return new LineTable(files, rows);
        }
    }
}

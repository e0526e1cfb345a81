package cc;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the file an {@code #include} names, the way GCC and clang search:
 * {@code #include "name"} looks in the directory of the including file, then in the -I
 * directories, then in the system directories; {@code #include <name>} skips the first,
 * and GNU {@code #include_next} starts after the directory where the includer was found.
 * An absolute name is used as it is. Paths are strings with '/' separators so that the
 * same code serves the host and the Clonix file system.
 */
final class IncludeResolver {
    private final List<String> userDirs;
    private final List<String> systemDirs;
    private final CompilerFiles files;

    IncludeResolver(List<String> includeDirs, List<String> systemIncludeDirs, CompilerFiles files) {
        this.userDirs = List.copyOf(includeDirs);
        this.systemDirs = List.copyOf(systemIncludeDirs);
        this.files = files;
    }

    /**
     * Where a header was found: its path, normalized (see {@link #normalize}), and the index
     * of the search directory (-I directories first, then system ones) that held it, or -1
     * for the includer's own directory or an absolute name.
     */
    record Found(String path, int dirIndex) {
    }

    /** Header {@code name} included from {@code includingFile}, or null if not found. */
    Found resolve(String name, boolean angled, String includingFile) {
        if (name.isEmpty()) return null;
        if (name.startsWith("/")) return files.isFile(name) ? new Found(name, -1) : null;
        if (!angled) {
            String candidate = normalize(join(directoryOf(includingFile), name));
            if (files.isFile(candidate)) return new Found(candidate, -1);
        }
        return search(name, 0);
    }

    /**
     * GNU {@code #include_next}: header {@code name} searched for in the directories after
     * the one where the including file was found ({@code dirIndex}; -1 searches them all).
     */
    Found resolveNext(String name, int dirIndex) {
        if (name.isEmpty() || name.startsWith("/")) return resolve(name, true, "");
        return search(name, dirIndex + 1);
    }

    private Found search(String name, int from) {
        List<String> dirs = new ArrayList<>(userDirs);
        dirs.addAll(systemDirs);
        for (int i = from; i < dirs.size(); i++) {
            String candidate = normalize(join(dirs.get(i), name));
            if (files.isFile(candidate)) return new Found(candidate, i);
        }
        return null;
    }

    /** The directory part of {@code file}, "" for a bare name. */
    static String directoryOf(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : slash == 0 ? "/" : file.substring(0, slash);
    }

    /** {@code dir/name}, or just {@code name} when {@code dir} is empty or ".". */
    static String join(String dir, String name) {
        if (dir.isEmpty() || dir.equals(".")) return name;
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /**
     * {@code path} with "." and "dir/.." steps removed, so that a header found through
     * "dir/../x.h" is shown and searched for from "x.h". Symbolic links are not followed:
     * {@code #pragma once} knows files by {@link CompilerFiles#identity} instead.
     */
    static String normalize(String path) {
        boolean absolute = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        String joined = String.join("/", parts);
        return absolute ? "/" + joined : joined.isEmpty() ? "." : joined;
    }
}

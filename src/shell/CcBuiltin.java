package shell;

import boot.GuestFiles;
import cc.Driver;
import fs.Directory;
import fs.FsException;
import fs.Inode;
import fs.OpenFile;
import fs.OpenFlags;
import fs.RegularFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code cc}: Clonix's C compiler, run by the shell on files of the guest. Sources and
 * headers come from the guest file system ({@code <...>} from /usr/include, crt0.o and
 * libc.a from /usr/lib) and the results are written back there, relative to the shell's
 * working directory, so {@code cc hello.c -o hello && ./hello} works inside the system.
 *
 * <p>The compiler itself works on host paths, so the guest's files are copied to a private
 * host directory first (all but /proc and /dev; a host directory mounted at /mnt/host is
 * read through the guest's file system like the rest), the compiler runs there, and every
 * file it created or changed is copied back. Diagnostics name the guest paths.
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
        Path root = null;
        try {
            root = Files.createTempDirectory("clonix-cc-");
            Map<String, byte[]> before = new LinkedHashMap<>();
            Directory guestRoot = sh.session.shell().fs().root();
            copyOut(sh, guestRoot, "/", root, before);
            String cwd = GuestFiles.cwd(sh.session.shell().fs());
            Path hostCwd = root.resolve(cwd.substring(1));
            List<String> hostArgs = new ArrayList<>();
            boolean linking = true;
            for (String a : args.subList(1, args.size())) {
                if (a.equals("-c") || a.equals("-S") || a.equals("-E")) linking = false;
                hostArgs.add(a.startsWith("/") ? root + a : a);
            }
            StringWriter diagnostics = new StringWriter();
            Driver driver = new Driver(hostCwd, List.of(root.resolve("usr/include")))
                    .standardLink(List.of(root.resolve("usr/lib/crt0.o")), List.of(root.resolve("usr/lib/libc.a")));
            PrintWriter dw = new PrintWriter(diagnostics);
            int rc = driver.execute(hostArgs.toArray(new String[0]), dw, dw);
            io.err().print(diagnostics.toString().replace(root.toString(), ""));
            copyBack(sh, root, before, linking, io);
            return rc;
        } catch (IOException e) {
            io.err().println("cc: " + e.getMessage());
            return 1;
        } finally {
            if (root != null) deleteTree(root);
        }
    }

    /** Copies the regular files below guest directory {@code dir} to {@code host}, remembering their bytes. */
    private static void copyOut(Shell sh, Directory dir, String guestPath, Path host, Map<String, byte[]> before)
            throws IOException {
        Files.createDirectories(host);
        for (Directory.Entry e : dir.entries()) {
            String path = guestPath + e.name();
            if (path.equals("/proc") || path.equals("/dev") || path.equals("/sys")) continue;
            Inode inode = e.inode();
            if (inode instanceof Directory sub) {
                copyOut(sh, sub, path + "/", host.resolve(e.name()), before);
            } else if (inode.isRegular()) {
                byte[] data = contents(inode);
                if (data == null) continue;
                Files.write(host.resolve(e.name()), data);
                before.put(path, data);
            }
        }
    }

    /**
     * The bytes of a regular file: straight from memory for the guest's own files, through
     * read() for the others (a host directory mounted with --mount); null if it cannot be read.
     */
    private static byte[] contents(Inode inode) {
        if (inode instanceof RegularFile f) return f.contents();
        OpenFile file = new OpenFile(inode, OpenFlags.O_RDONLY);
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            for (long pos = 0;;) {
                long n = inode.read(file, pos, buf, 0, buf.length, null);
                if (n < 0) return null;
                if (n == 0) return out.toByteArray();
                out.write(buf, 0, (int) n);
                pos += n;
            }
        } finally {
            file.put();
        }
    }

    /** Writes every file the compiler made or changed under {@code root} back into the guest. */
    private static void copyBack(Shell sh, Path root, Map<String, byte[]> before, boolean linking, Builtin.Io io)
            throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path p : files) {
            String guest = "/" + root.relativize(p).toString().replace('\\', '/');
            byte[] data = Files.readAllBytes(p);
            byte[] old = before.get(guest);
            if (old != null && Arrays.equals(old, data)) continue;
            boolean executable = linking && !guest.endsWith(".o") && !guest.endsWith(".s") && !guest.endsWith(".i");
            try {
                OpenFile f = GuestFiles.open(sh.session.kernel().vfs(), sh.session.shell().fs(), guest,
                        OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, executable ? 0755 : 0644);
                GuestFiles.write(f, data);
                f.put();
            } catch (FsException e) {
                io.err().println("cc: cannot write " + guest + ": " + Messages.error(e.errno()));
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}

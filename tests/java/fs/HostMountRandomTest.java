package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random guest calls on a mounted host directory full of links that point out of it, from
 * random working directories and through held directory descriptors, mixed with renames
 * and replacements made on the host at the same time: whatever happens, no guest read
 * returns a sentinel's contents, no call throws, and nothing outside the mount changes.
 * Seeded: {@code -Dclonix.hostfs.seed=S} (14 by default) and {@code
 * -Dclonix.hostfs.randomCalls=N} (2000 by default, about a second) choose the run.
 */
class HostMountRandomTest {
    private static final String[] NAMES = {".", "..", "a", "b", "c", "f", "l", "up", "abs", "rel", "x"};

    @TempDir Path base;

    @Test
    void randomCallsAndHostRenamesNeverLeaveTheMount() throws Exception {
        int calls = Integer.getInteger("clonix.hostfs.randomCalls", 2000);
        long seed = Long.getLong("clonix.hostfs.seed", 14);
        HostMountFixture t = new HostMountFixture(base);
        Files.createDirectories(t.host.resolve("a/b/c"));
        Files.writeString(t.host.resolve("a/f"), "inside\n");
        Files.createSymbolicLink(t.host.resolve("a/b/l"), Path.of(".."));
        Files.createSymbolicLink(t.host.resolve("up"), Path.of("../.."));
        Files.createSymbolicLink(t.host.resolve("a/abs"), t.outside);
        Files.createSymbolicLink(t.host.resolve("rel"), Path.of("../outside"));
        t.mount();
        Random r = new Random(seed);
        List<Long> dirfds = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            t.mem.reset(); // no buffer outlives a call
            String p = path(r);
            String q = path(r);
            long dirfd = dirfds.isEmpty() || r.nextBoolean() ? AT_FDCWD : dirfds.get(r.nextInt(dirfds.size()));
            switch (r.nextInt(12)) {
                case 0 -> t.writeFile(p, "guest " + i + "\n");
                case 1 -> assertFalse(t.cat(p).contains(HostMountFixture.SECRET), "read " + p + " at call " + i);
                case 2 -> t.mkdir(p);
                case 3 -> t.rmdir(p);
                case 4 -> t.unlink(p);
                case 5 -> t.rename(p, q);
                case 6 -> t.chdir(r.nextBoolean() ? subdirectory(t, r) : r.nextBoolean() ? p : "/mnt/host/" + p);
                case 7 -> {
                    long fd = t.open(p, O_RDONLY | O_DIRECTORY);
                    if (fd >= 0 && dirfds.size() < 8) dirfds.add(fd);
                    else if (fd >= 0) t.fileCalls.close(t.files, fd);
                }
                case 8 -> {
                    long fd = t.openat(dirfd, p, O_WRONLY | O_CREAT);
                    if (fd >= 0) {
                        t.write(fd, "by fd " + i + "\n");
                        t.fileCalls.close(t.files, fd);
                    }
                }
                case 9 -> t.mkdirat(dirfd, p);
                case 10 -> t.renameat(dirfd, p, AT_FDCWD, q);
                default -> hostChange(t, r);
            }
        }
        for (long fd : dirfds) t.fileCalls.close(t.files, fd);
        t.assertOutsideUntouched();
    }

    /** A relative path of one to four names, or one under /mnt/host. */
    private static String path(Random r) {
        StringBuilder sb = new StringBuilder(r.nextInt(3) == 0 ? "/mnt/host/" : "");
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append('/');
            sb.append(NAMES[r.nextInt(NAMES.length)]);
        }
        return sb.toString();
    }

    /** A directory in the cwd, or "." if it has none: the guest goes deeper into the mount. */
    private static String subdirectory(HostMountFixture t, Random r) {
        List<String> dirs = new ArrayList<>();
        for (String name : t.ls(".")) if (!name.startsWith(".") && t.inode(name) instanceof Directory) dirs.add(name);
        return dirs.isEmpty() ? "." : dirs.get(r.nextInt(dirs.size()));
    }

    /**
     * What a host process might do meanwhile inside the mount: rename a directory, often the
     * guest's cwd, and maybe put a link to the outside in its place.
     */
    private static void hostChange(HostMountFixture t, Random r) throws Exception {
        List<Path> dirs;
        try (var s = Files.walk(t.host)) {
            dirs = s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !p.equals(t.host)).sorted().toList();
        }
        String cwd = t.getcwd();
        Path victim = cwd.startsWith("/mnt/host/") && r.nextBoolean() ? t.host.resolve(cwd.substring("/mnt/host/".length()))
                : dirs.isEmpty() ? null : dirs.get(r.nextInt(dirs.size()));
        if (victim == null || !Files.isDirectory(victim, LinkOption.NOFOLLOW_LINKS)) return;
        Path renamed = victim.resolveSibling(NAMES[2 + r.nextInt(NAMES.length - 2)]);
        if (Files.exists(renamed, LinkOption.NOFOLLOW_LINKS)) return;
        Files.move(victim, renamed);
        if (r.nextBoolean()) Files.createSymbolicLink(victim, t.outside);
    }
}

package task;

import java.util.Arrays;
import vm.PhysicalMemory;

/**
 * A supplementary group list, Linux's {@code struct group_info}: the groups besides the
 * effective one that a task's permission checks count it in (in_group_p). It is immutable
 * and shared, as Linux's is: fork shares it, setgroups makes a new one.
 *
 * <p><b>Cost.</b> A list of up to NGROUPS_MAX (65536) ids is 256 KiB, and every task can
 * hold its own, so a list is charged to the kernel's slab while any task holds it and
 * setgroups fails with ENOMEM when memory is short. Tasks count their references
 * ({@link #get}, {@link #put}): a task takes one when it is made with the list or switches
 * to it, and drops it when it switches away or is freed. Credentials rebuilt by set*id
 * keep the same list and so the same reference.
 */
public final class GroupInfo {
    /** Linux's NGROUPS_MAX: the most groups a list may hold. */
    public static final int NGROUPS_MAX = 65536;
    /** The kernel's cost of a list besides its ids (the header of struct group_info). */
    static final int HEADER_BYTES = 16;

    /** The empty list every task starts with; it costs nothing and is never counted. */
    public static final GroupInfo EMPTY = new GroupInfo(new int[0], null);

    private final int[] gids;
    private final PhysicalMemory phys;
    private int users;

    private GroupInfo(int[] gids, PhysicalMemory phys) {
        this.gids = gids;
        this.phys = phys;
    }

    /**
     * A new list of {@code gids} (sorted, as Linux's groups_sort, so membership is a binary
     * search) with no user yet, charged to {@code phys}; null if the slab cannot hold it.
     */
    static GroupInfo create(int[] gids, PhysicalMemory phys) {
        if (gids.length == 0) return EMPTY;
        if (!phys.chargeSlab(bytes(gids.length))) return null;
        int[] sorted = gids.clone();
        Arrays.sort(sorted);
        return new GroupInfo(sorted, phys);
    }

    private static long bytes(int n) {
        return HEADER_BYTES + 4L * n;
    }

    /** How many groups the list holds. */
    public int size() {
        return gids.length;
    }

    /** The {@code i}th group, in ascending order (what getgroups returns). */
    public int gid(int i) {
        return gids[i];
    }

    /** Whether {@code gid} is in the list (Linux's groups_search). */
    public boolean contains(int gid) {
        return Arrays.binarySearch(gids, gid) >= 0;
    }

    /** One more task holds the list; returns it. */
    GroupInfo get() {
        if (this != EMPTY) users++;
        return this;
    }

    /** A task stops holding the list; the last one gives its memory back. */
    void put() {
        if (this == EMPTY) return;
        if (users <= 0) throw new IllegalStateException("put on an unheld group list");
        if (--users == 0) phys.unchargeSlab(bytes(gids.length));
    }
}

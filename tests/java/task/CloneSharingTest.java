package task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.GuestRun;
import org.junit.jupiter.api.Test;

/** clone()'s sharing flags, each with and without, seen from a guest program. */
class CloneSharingTest {
    @lab.PartOfLab("clone")
    @Test
    void withCloneFilesTheChildsCloseIsSeenByTheParentsWrite() throws Exception {
        GuestRun.Result r = GuestRun.run("clone_files", "1");
        assertEquals("write returned -9\n", r.output(), "EBADF: the shared table lost the fd");
        assertEquals(0, r.status());
    }

    @Test
    void withoutCloneFilesTheChildClosesOnlyItsOwnCopy() throws Exception {
        GuestRun.Result r = GuestRun.run("clone_files", "0");
        assertEquals("via dup\nwrite returned 8\n", r.output());
    }

    @lab.PartOfLab("clone")
    @Test
    void withCloneVmTheChildsStoreIsVisibleToTheParent() throws Exception {
        assertEquals("42\n", GuestRun.run("clone_vm", "1").output());
    }

    @Test
    void withoutCloneVmTheChildWritesItsOwnCopy() throws Exception {
        assertEquals("0\n", GuestRun.run("clone_vm", "0").output());
    }

    @lab.PartOfLab("clone")
    @Test
    void withCloneFsTheChildsChdirMovesTheParentToo() throws Exception {
        assertEquals("/tmp\n", GuestRun.run("clone_fs", "1").output());
    }

    @Test
    void withoutCloneFsTheParentStaysWhereItWas() throws Exception {
        assertEquals("/\n", GuestRun.run("clone_fs", "0").output());
    }
}

package boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * A --mem the Java heap cannot hold is refused at boot with one line saying what to do, and
 * no more machines run side by side than the heap holds when every guest fills its memory.
 */
class JavaHeapTest {
    @Test
    void theHeapMustHoldEveryFrameAndTheKernel() {
        // 4224 host bytes per frame and 192 MiB for the kernel: 512 MiB needs 528 + 192.
        assertEquals(720, JavaHeap.neededMiB(512));
        assertEquals(4416, JavaHeap.neededMiB(4096));
        assertEquals(852, JavaHeap.neededMiB(640));
    }

    @Test
    void aMachineTooLargeForTheHeapIsRefusedWithOneLine() {
        assertEquals("--mem 4096 MiB needs a Java heap of at least 4416 MiB (this JVM has 1024 MiB); "
                + "set CLONIX_JAVA_OPTS=-Xmx4416m", JavaHeap.refusal(4096, 1L << 30));
        assertNull(JavaHeap.refusal(512, 720L << 20));
        assertEquals("--mem 512 MiB needs a Java heap of at least 720 MiB (this JVM has 719 MiB); "
                + "set CLONIX_JAVA_OPTS=-Xmx720m", JavaHeap.refusal(512, 719L << 20));
    }

    @Test
    void machinesSideBySideAreCountedAtTheirFullSize() {
        // The launcher's 3 GiB holds three default machines of 852 MiB, or two beside a session.
        assertEquals(3, JavaHeap.machinesThatFit(640, 3L << 30, 0, 0));
        assertEquals(2, JavaHeap.machinesThatFit(640, 3L << 30, 1, 640));
        assertEquals(1, JavaHeap.machinesThatFit(640, 1L << 30, 0, 0));
        assertEquals(0, JavaHeap.machinesThatFit(640, 1L << 30, 1, 640));
        assertEquals(0, JavaHeap.machinesThatFit(640, 800L << 20, 0, 0));
        // Smaller machines fit more: 128 MiB needs 132 + 192 MiB.
        assertEquals(2, JavaHeap.machinesThatFit(128, 1L << 30, 1, 128));
    }

    @Test
    void loweredJobsSayWhichHeapWouldHoldThemAll() {
        assertEquals("--jobs 4 lowered to 2: a Java heap of 3072 MiB holds 2 machine(s) of 640 MiB at a time beside the session's;"
                + " CLONIX_JAVA_OPTS=-Xmx4260m would hold 4", JavaHeap.lowered(4, 2, 640, 3L << 30, 1, 640));
        assertEquals("--jobs 8 lowered to 3: a Java heap of 3072 MiB holds 3 machine(s) of 640 MiB at a time;"
                + " CLONIX_JAVA_OPTS=-Xmx6816m would hold 8", JavaHeap.lowered(8, 3, 640, 3L << 30, 0, 0));
    }
}

package clonix;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A --mem the Java heap cannot hold is refused at boot with one line saying what to do. */
class JavaHeapTest {
    @Test
    void theHeapMustHoldEveryFrameAndTheKernel() {
        // 4224 host bytes per frame and 192 MiB for the kernel: 512 MiB needs 528 + 192.
        assertEquals(720, JavaHeap.neededMiB(512));
        assertEquals(4416, JavaHeap.neededMiB(4096));
    }

    @Test
    void aMachineTooLargeForTheHeapIsRefusedWithOneLine() {
        HostFiles.UserError e = assertThrows(HostFiles.UserError.class, () -> JavaHeap.check(4096, 1L << 30));
        assertEquals("--mem 4096 MiB needs a Java heap of at least 4416 MiB (this JVM has 1024 MiB); "
                + "set CLONIX_JAVA_OPTS=-Xmx4416m", e.getMessage());
        assertDoesNotThrow(() -> JavaHeap.check(512, 720L << 20));
        assertThrows(HostFiles.UserError.class, () -> JavaHeap.check(512, (720L << 20) - 1));
    }
}

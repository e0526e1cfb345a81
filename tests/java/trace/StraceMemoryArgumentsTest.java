package trace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * strace names the memory calls' arguments as strace does: protections and mapping flags,
 * msync flags, madvise advice, mremap flags (with the new address only when a flag says
 * there is one), memfd_create's name and flags. The lines were checked against strace on
 * Linux for the same program.
 */
class StraceMemoryArgumentsTest {
    @TempDir Path tmp;

    private static final String PROGRAM = """
            #include <sys/mman.h>
            #include <unistd.h>
            int main(void)
            {
                int fd = memfd_create("demo", MFD_CLOEXEC | MFD_ALLOW_SEALING);
                ftruncate(fd, 8192);
                char *p = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
                msync(p, 4096, MS_SYNC | MS_INVALIDATE);
                madvise(p, 4096, MADV_DONTNEED);
                mprotect(p, 4096, PROT_NONE);
                mmap(0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
                mremap(p, 4096, 4096, MREMAP_MAYMOVE | MREMAP_FIXED, (void *)0x10000000);
                return 0;
            }
            """;

    @Test
    void memoryCallsShowTheirFlagsByName() throws Exception {
        String out = TracedRun.strace(tmp, "mem", PROGRAM);
        String[] expected = {
            "memfd_create(\"demo\", MFD_CLOEXEC|MFD_ALLOW_SEALING)",
            "mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_SHARED, 3, 0)",
            "msync(0x",
            ", 4096, MS_SYNC|MS_INVALIDATE)",
            ", 4096, MADV_DONTNEED)",
            ", 4096, PROT_NONE)",
            "mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0)",
            ", 4096, 4096, MREMAP_MAYMOVE|MREMAP_FIXED, 0x10000000)",
        };
        for (String part : expected) assertTrue(out.contains(part), "missing " + part + " in\n" + out);
    }
}

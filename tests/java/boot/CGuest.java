package boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import image.BootImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import obj.Executable;

/**
 * Compiles a C program given as text against Clonix's libc and runs it in a freshly booted
 * kernel, as LinuxComparisonTest does, for tests whose programs only Clonix can run (real-time
 * policies need privileges on the development machine) or that check Clonix's own choices.
 */
public final class CGuest {
    private CGuest() {}

    /** Compiles {@code source} as NAME.c in {@code tmp} against the boot image's libc; the compile must succeed. */
    public static Executable compile(Path tmp, String name, String source) throws Exception {
        BootImage image = BootImage.load();
        assertTrue(image.hasLibc(), "the boot image has no C library");
        Path src = tmp.resolve(name + ".c");
        Files.writeString(src, source, StandardCharsets.UTF_8);
        StringWriter diagnostics = new StringWriter();
        Executable exe = image.compile(src, new PrintWriter(diagnostics));
        assertNotNull(exe, diagnostics.toString());
        return exe;
    }

    /** What the program printed; it must exit with status 0 and leak nothing. */
    public static String run(Path tmp, Options options, String name, String source) throws Exception {
        Executable program = compile(tmp, name, source);
        BootImage image = BootImage.load();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Kernel kernel = Kernel.boot(options, console, new ByteArrayInputStream(new byte[0]));
        for (Map.Entry<String, byte[]> f : image.guestFiles().entrySet()) kernel.installFile(f.getKey(), f.getValue(), 0755);
        kernel.install("/tmp/" + name, program);
        int status = kernel.run("/tmp/" + name, List.of("/tmp/" + name));
        String output = console.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, output);
        boot.GuestRun.checkNothingLeaked(kernel);
        return output;
    }
}

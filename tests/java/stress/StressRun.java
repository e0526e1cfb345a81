package stress;

import boot.GuestRun;
import boot.Kernel;
import boot.Options;
import image.BootImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The main class of the child JVM that {@link MemoryStressTest} starts with a small heap:
 * {@code StressRun MEM_MIB EXECUTABLE ARGS...} boots a machine of MEM_MIB MiB with the boot
 * image, runs the executable as /tmp/stress with ARGS, prints what the guest printed, and
 * then checks that nothing leaked (boot.GuestRun.checkNothingLeaked). Its exit status is the
 * guest's, or 3 if the leak check failed; any Java error (an OutOfMemoryError above all)
 * ends the JVM with its stack trace and a non-zero status.
 */
public final class StressRun {
    private StressRun() {}

    public static void main(String[] args) throws Exception {
        long mem = Long.parseLong(args[0]) << 20;
        byte[] exe = Files.readAllBytes(Path.of(args[1]));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Kernel kernel = Kernel.boot(Options.defaults().withMemory(mem), console, new ByteArrayInputStream(new byte[0]));
        for (Map.Entry<String, byte[]> f : BootImage.load().guestFiles().entrySet()) {
            kernel.installFile(f.getKey(), f.getValue(), 0755);
        }
        kernel.installFile("/tmp/stress", exe, 0755);
        List<String> argv = new ArrayList<>(List.of("/tmp/stress"));
        argv.addAll(List.of(args).subList(2, args.length));
        int status = kernel.run("/tmp/stress", argv);
        System.out.print(console.toString(StandardCharsets.UTF_8));
        try {
            GuestRun.checkNothingLeaked(kernel);
        } catch (AssertionError e) {
            System.out.println("leak check failed: " + e.getMessage());
            System.exit(3);
        }
        System.out.flush();
        System.exit(status);
    }
}

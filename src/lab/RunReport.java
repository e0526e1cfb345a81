package lab;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * What one run of a graded test did, as the test's JVM ({@code clonix.GradeChild}) saw it:
 * the facts only; {@link Verdict} judges them. It travels from that JVM to the grader as one
 * line of text ({@link #encode}, {@link #decode}), so that nothing a guest prints can pass
 * for a message of the protocol.
 *
 * @param seed the run's seed
 * @param cpus its CPU count
 * @param schedules 0 for a run on the seed's interleaving; N for an exploration of N schedules
 *        ({@code clonix explore}), which this report stands for (see GradedTest.Run)
 * @param status the program's exit status (128 + N if signal N killed it)
 * @param output what it wrote to the console, at most the test's max-output bytes
 * @param flooded true if it wrote more than that (the machine was then stopped)
 * @param reports what the kernel reported about the end of the run: a deadlock, the time limit; empty if nothing
 * @param oopses the kernel bugs it met (Java exceptions in a system call or a fault), one per line; empty if none
 * @param javaError a Java error that escaped the kernel and ended the run (e.g. OutOfMemoryError); empty if none
 * @param hostMillis host time the run took
 */
public record RunReport(long seed, int cpus, int schedules, int status, String output, boolean flooded, String reports,
        String oopses, String javaError, long hostMillis) {

    /** The report as one line of base64. */
    public String encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(seed);
            out.writeInt(cpus);
            out.writeInt(schedules);
            out.writeInt(status);
            writeString(out, output);
            out.writeBoolean(flooded);
            writeString(out, reports);
            writeString(out, oopses);
            writeString(out, javaError);
            out.writeLong(hostMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** The report {@link #encode} wrote; an IOException if the line is not one. */
    public static RunReport decode(String line) throws IOException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a run report: " + e.getMessage());
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return new RunReport(in.readLong(), in.readInt(), in.readInt(), in.readInt(), readString(in), in.readBoolean(),
                    readString(in), readString(in), readString(in), in.readLong());
        }
    }

    /** Strings as UTF-8 with a length, since writeUTF stops at 64 KiB. */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("not a run report: bad string length " + n);
        return new String(in.readNBytes(n), java.nio.charset.StandardCharsets.UTF_8);
    }
}

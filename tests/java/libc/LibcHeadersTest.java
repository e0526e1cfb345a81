package libc;

import cc.Driver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every header compiles on its own, twice in a row (include guards), with Clonix's compiler. */
class LibcHeadersTest {
    @TempDir Path dir;

    static List<String> headers() throws Exception {
        Path include = Path.of("userland", "include");
        try (Stream<Path> s = Files.walk(include)) {
            return s.filter(p -> p.toString().endsWith(".h")).map(p -> include.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Test
    void everyHeaderCompilesAloneAndTwice() throws Exception {
        List<String> headers = headers();
        assertTrue(headers.size() >= 27, "headers: " + headers);
        for (String h : headers) {
            Path c = dir.resolve("use.c");
            Files.writeString(c, "#include <" + h + ">\n#include <" + h + ">\nint main(void) { return 0; }\n");
            StringWriter out = new StringWriter(), err = new StringWriter();
            int status = Driver.run(new String[] {"-c", "-o", dir.resolve("use.o").toString(), c.toString()},
                    new PrintWriter(out), new PrintWriter(err));
            assertEquals(0, status, h + ":\n" + out + err);
        }
    }
}

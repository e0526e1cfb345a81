package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check-file format (.ck): its keys, their defaults, and a clear refusal of every mistake. */
class CheckFileTest {
    @TempDir Path dir;

    @BeforeEach
    void program() throws Exception {
        Files.writeString(dir.resolve("t.c"), "int main(void) { return 0; }\n");
        Files.writeString(dir.resolve("other.c"), "int main(void) { return 0; }\n");
        Files.writeString(dir.resolve("t.in"), "");
    }

    private GradedTest read(String text) throws Exception {
        Files.writeString(dir.resolve("t.ck"), text);
        return CheckFile.read("x", dir.resolve("t.ck"), false);
    }

    private String refusal(String text) {
        return assertThrows(CheckFile.Invalid.class, () -> read(text)).getMessage().replace(dir + "/", "");
    }

    @Test
    void onlyTheTitleAndPointsAreRequired() throws Exception {
        GradedTest t = read("# a comment\n\ntitle:  does a thing  \npoints: 10\n");
        assertEquals("x/t", t.fullName());
        assertEquals("does a thing", t.title());
        assertEquals(10, t.points());
        assertEquals(dir.resolve("t.c"), t.program());
        assertEquals(List.of(), t.args());
        assertNull(t.stdin());
        assertEquals(List.of(), t.options());
        assertEquals(List.of(1L, 2L, 3L), t.seeds());
        assertEquals(List.of(1, 4), t.cpus());
        assertEquals(20, t.timeoutSeconds());
        assertEquals(10, t.timeLimitSeconds());
        assertEquals(65536, t.maxOutput());
        assertEquals(0, t.exit());
        assertFalse(t.sorted());
        assertEquals(List.of(), t.expects());
        assertEquals(6, t.runs().size());
        assertEquals(new GradedTest.Run(1, 4), t.runs().get(1));
    }

    @Test
    void exploreAddsARunOfExploredSchedulesFromTheFirstSeed() throws Exception {
        GradedTest t = read("title: t\npoints: 1\nseeds: 7 8\ncpus: 2\nexplore: 300\n");
        assertEquals(List.of(new GradedTest.Run(7, 2), new GradedTest.Run(8, 2), new GradedTest.Run(7, 1, 300)), t.runs());
        assertEquals("300 explored schedules from seed 7", t.runs().get(2).toString());
        Files.writeString(dir.resolve("t.in"), "");
        assertEquals("t.ck: 'explore' cannot be combined with 'stdin'", refusal("title: t\npoints: 1\nstdin: t.in\nexplore: 5\n"));
        assertEquals("t.ck:3: 'explore' must be between 1 and 100000", refusal("title: t\npoints: 1\nexplore: 0\n"));
    }

    @Test
    void everyKeyIsRead() throws Exception {
        Files.writeString(dir.resolve("t.expected"), "");
        GradedTest t = read("""
                title: t
                points: 5
                program: other.c
                args: a  b
                stdin: t.in
                options: --sched fcfs --mem 64
                seeds: 9 10
                cpus: 2
                timeout: 2.5
                time-limit: 0.5
                max-output: 100
                exit: 139
                expect: t.expected
                expect: t.expected
                sorted: yes
                match: ^a
                match: b$
                reject: c
                """);
        assertEquals(dir.resolve("other.c"), t.program());
        assertEquals(List.of("a", "b"), t.args());
        assertEquals(dir.resolve("t.in"), t.stdin());
        assertEquals(List.of("--sched", "fcfs", "--mem", "64"), t.options());
        assertEquals(List.of(new GradedTest.Run(9, 2), new GradedTest.Run(10, 2)), t.runs());
        assertEquals(2.5, t.timeoutSeconds());
        assertEquals(0.5, t.timeLimitSeconds());
        assertEquals(100, t.maxOutput());
        assertEquals(139, t.exit());
        assertEquals(2, t.expects().size());
        assertTrue(t.sorted());
        assertEquals(2, t.matches().size());
        assertEquals(1, t.rejects().size());
    }

    @Test
    void mistakesAreRefusedWithTheFileAndLine() {
        assertEquals("t.ck: no 'title'", refusal("points: 1\n"));
        assertEquals("t.ck: no 'points'", refusal("title: t\n"));
        assertEquals("t.ck:2: unknown key 'point'", refusal("title: t\npoint: 1\n"));
        assertEquals("t.ck:3: 'points' is given twice", refusal("title: t\npoints: 1\npoints: 2\n"));
        assertEquals("t.ck:1: expected 'key: value', got 'title t'", refusal("title t\n"));
        assertEquals("t.ck:2: 'points' must be a whole number, not 'ten'", refusal("title: t\npoints: ten\n"));
        assertEquals("t.ck:3: 'cpus' must be between 1 and 64", refusal("title: t\npoints: 1\ncpus: 1 65\n"));
        assertEquals("t.ck:3: 'exit' must be between 0 and 255", refusal("title: t\npoints: 1\nexit: 256\n"));
        assertEquals("t.ck:3: 'timeout' must be a number of seconds above 0 and at most 3600, not '0'",
                refusal("title: t\npoints: 1\ntimeout: 0\n"));
        assertEquals("t.ck:3: 'sorted' must be yes or no, not 'true'", refusal("title: t\npoints: 1\nsorted: true\n"));
        assertEquals("t.ck:3: 'match': bad pattern: Unclosed group", refusal("title: t\npoints: 1\nmatch: (a\n"));
        assertEquals("t.ck:3: 'expect': no file t.out next to the test", refusal("title: t\npoints: 1\nexpect: t.out\n"));
        assertEquals("t.ck:3: 'options' may not set --seed: use the 'seeds' key",
                refusal("title: t\npoints: 1\noptions: --mem 64 --seed 3\n"));
        assertEquals("t.ck:3: 'options' may not set --time-limit: use the 'time-limit' key",
                refusal("title: t\npoints: 1\noptions: --time-limit=3\n"));
        assertEquals("t.ck: 'seeds' lists no seed", refusal("title: t\npoints: 1\nseeds:\n"));
    }

    @Test
    void anExpectedOutputNoExpectNamesIsRefused() throws Exception {
        Files.writeString(dir.resolve("t.expected"), "ok\n");
        assertEquals("t.ck: t.expected is there but no 'expect' names it", refusal("title: t\npoints: 1\n"));
    }

    @Test
    void aTestWithoutItsProgramIsRefused() throws Exception {
        Files.delete(dir.resolve("t.c"));
        assertEquals("t.ck: its program t.c is not there", refusal("title: t\npoints: 1\n"));
    }
}

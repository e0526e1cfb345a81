package bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import obj.Executable;
import org.junit.jupiter.api.Test;
import vm.Engine;

/**
 * Keeps the 4-thread sum of {@code bench jit} from rotting: tests/bench/parallel_sum.c, on
 * the machine the benchmark boots, prints the sum the same file built with gcc prints (the
 * sum of i % 1000 over the array), and both engines run it in the same number of
 * instructions, for an empty array as for a full one.
 */
class KernelSumBenchTest {
    @Test
    void theSumIsRightAndTheEnginesAgreeToTheInstruction() {
        Executable exe = PingPongBench.compile(Path.of("tests/bench/parallel_sum.c"));
        for (long longs : new long[] {0, 10_000}) {
            KernelSumBench.Run interp = KernelSumBench.run(exe, Engine.INTERP, longs);
            KernelSumBench.Run jit = KernelSumBench.run(exe, Engine.JIT, longs);
            assertEquals(Long.toString(longs / 1000 * 499_500), interp.output());
            assertEquals(interp.output(), jit.output());
            assertEquals(interp.instructions(), jit.instructions(), "instructions for " + longs + " longs");
        }
    }
}

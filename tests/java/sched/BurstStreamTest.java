package sched;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A CPU's stream of burst lengths gives the same lengths however the machine loop looks
 * ahead: the lengths {@link BurstStream#peek} keeps for later, and those it computes beyond
 * what it keeps, are the ones a stream that is only ever drawn from gives.
 */
class BurstStreamTest {
    @Test
    void peekingAheadAndSkippingGiveTheLengthsOfAStreamOnlyDrawnFrom() {
        int[] drawn = new int[200_000];
        BurstStream plain = new BurstStream(1234, 100);
        for (int i = 0; i < drawn.length; i++) drawn[i] = plain.next();

        BurstStream looked = new BurstStream(1234, 100);
        Random ops = new Random(7);
        int at = 0;
        while (at < drawn.length - 3 * BurstStream.MEMO) {
            switch (ops.nextInt(4)) {
                case 0 -> assertEquals(drawn[at], looked.next(), "draw " + at++);
                case 1 -> {
                    // The machine loop's pattern: peek at a run of rounds (sometimes past
                    // what is kept), then skip some of them.
                    int n = ops.nextInt(2 * BurstStream.MEMO);
                    for (int k = 0; k < n; k++) assertEquals(drawn[at + k], looked.peek(k), "peek " + k + " at " + at);
                    int ran = ops.nextInt(n + 1);
                    looked.skip(ran);
                    at += ran;
                }
                case 2 -> {
                    int k = ops.nextInt(3 * BurstStream.MEMO);
                    assertEquals(drawn[at + k], looked.peek(k), "lone peek " + k + " at " + at);
                }
                default -> {
                    int ran = ops.nextInt(50);
                    looked.skip(ran);
                    at += ran;
                }
            }
        }
    }
}

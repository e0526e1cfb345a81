package signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import task.Signals;
import trace.Strace;
import trace.TraceEvent;
import trace.TraceKind;

/** strace's view of signals: a delivered signal is a {@code --- SIGNAME ---} line, as strace prints it. */
class StraceSignalTest {
    private static TraceEvent event(TraceKind kind, long arg) {
        return new TraceEvent(0, 0, kind, 5, 5, "prog", arg, null, List.of(), 0);
    }

    @Test
    void aDeliveredSignalIsShownByName() {
        String text = Strace.render(List.of(event(TraceKind.SIGNAL, Signals.SIGUSR1), event(TraceKind.EXIT, 0)));
        assertEquals("--- SIGUSR1 {si_signo=SIGUSR1} ---\n+++ exited with 0 +++\n", text);
    }

    @Test
    void signalNamesFollowLinux() {
        assertEquals("SIGCHLD", SigSet.name(17));
        assertEquals("SIGSYS", SigSet.name(31));
        assertEquals("SIGRT_0", SigSet.name(32));
        assertEquals("SIGRT_2", SigSet.name(34));
        assertEquals("SIG99", SigSet.name(99));
    }
}

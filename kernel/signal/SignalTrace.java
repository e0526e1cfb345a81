package signal;

import task.Task;
import task.Tasks;
import trace.Tracer;

/**
 * The signal_deliver tracepoint as the signal code reaches it: the scheduler's tracer
 * (through {@link Tasks.SchedulerHooks#tracer}) records the signal with its siginfo while
 * tracing is on, so that strace shows {@code --- SIGCHLD {si_signo=SIGCHLD, ...} ---}. With
 * tracing off it costs a call and a field read per signal.
 */
final class SignalTrace {
    private SignalTrace() {}

    /** {@code t} takes {@code info}: dequeued on its way to user mode, or settled as it is {@code sent} (ignored or fatal). */
    static void signal(Tasks ts, Task t, SigInfo info, boolean sent) {
        Tracer tracer = ts.scheduler().tracer();
        if (tracer != null && tracer.enabled) tracer.signal(t, info, sent);
    }
}

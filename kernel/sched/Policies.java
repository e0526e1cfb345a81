package sched;

import java.util.List;

/**
 * The scheduling policies a machine can be booted with, by name ({@code clonix run --sched
 * NAME}). To add one: write a class implementing {@link SchedPolicy} in this package (see
 * {@link Fcfs} for the smallest complete one, {@link RoundRobin} for one with priorities and
 * preemption), add its name to {@link #NAMES} and a case to {@link #create}.
 */
public final class Policies {
    /** The names {@link #create} knows, the default first. */
    public static final List<String> NAMES = List.of("rr", "fcfs");

    private Policies() {}

    /**
     * A new instance of policy {@code name} for a machine whose fair slice is
     * {@code sliceTicks} ticks of {@code tickCycles} cycles; IllegalArgumentException for an
     * unknown name (the message lists the known ones).
     */
    public static SchedPolicy create(String name, int sliceTicks, long tickCycles) {
        return switch (name) {
            case "rr" -> new RoundRobin(sliceTicks, tickCycles);
            case "fcfs" -> new Fcfs();
            default -> throw new IllegalArgumentException("unknown scheduling policy '" + name + "' (known: "
                    + String.join(", ", NAMES) + ")");
        };
    }
}

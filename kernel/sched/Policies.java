package sched;

import java.util.List;

/**
 * The scheduling policies a machine can be booted with, by name ({@code clonix run --sched
 * NAME}). To add one: write a class implementing {@link SchedPolicy} in this package (see
 * {@link Fcfs} for the smallest complete one, {@link RoundRobin} for one with priorities and
 * preemption, {@link Stride} for proportional share), add its name to {@link #NAMES} and a
 * case to {@link #create}.
 */
public final class Policies {
    /** The names {@link #create} knows, the default first. */
    public static final List<String> NAMES = List.of("rr", "fcfs", "stride");

    private Policies() {}

    /**
     * A new instance of policy {@code name} for a machine of {@code cpus} CPUs whose fair
     * slice is {@code sliceTicks} ticks of {@code tickCycles} cycles, and whose seed is
     * {@code seed}; IllegalArgumentException for an unknown name (the message lists the
     * known ones). A policy that draws random numbers (a lottery) must draw them from a
     * generator seeded with {@code seed} (java.util.SplittableRandom), never from host time
     * or Math.random, so that the same seed gives the same run.
     */
    public static SchedPolicy create(String name, int cpus, int sliceTicks, long tickCycles, long seed) {
        return switch (name) {
            case "rr" -> new RoundRobin(sliceTicks, tickCycles);
            case "fcfs" -> new Fcfs();
            case "stride" -> new Stride(cpus, sliceTicks);
            default -> throw new IllegalArgumentException("unknown scheduling policy '" + name + "' (known: "
                    + String.join(", ", NAMES) + ")");
        };
    }
}

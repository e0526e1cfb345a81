package sched;

/**
 * Who runs next at a scheduling point of a controlled run ({@link ScheduleControl}): PCT,
 * a random walk, a systematic search, or the replay of a recorded schedule (see package
 * explore). A strategy is asked only where there is a choice, at least two candidates, so
 * every answer is one step of the schedule; it must answer from its own state and the point
 * alone (a seeded generator, never host time) so that the same strategy gives the same run.
 */
public interface Strategy {
    /** The tid of the task to run from {@code point} on: one of {@link SchedulingPoint#candidates}. */
    int choose(SchedulingPoint point);
}

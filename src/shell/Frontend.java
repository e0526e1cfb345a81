package shell;

/**
 * What the shell needs from its terminal while a program runs: whether a person is there,
 * the keys typed for the foreground program, job-control keys the frontend turned into
 * signals itself, and whether virtual time is paced. The JLine console implements it for
 * interactive use; batch mode has no keys and no pacing.
 */
interface Frontend {
    /** No keys. */
    byte[] NOTHING = {};

    /** True if a person types at a terminal (prompts, line editing, Ctrl-C). */
    boolean interactive();

    /** True if a key is waiting to be handled; cheap, asked after every round of the machine. */
    boolean keyPending();

    /** The signal of a job-control key the frontend caught itself since the last call (SIGINT for Ctrl-C...), or 0. */
    int takeKey();

    /**
     * The keys typed since the last call, as the terminal sends them (UTF-8), without
     * waiting; the shell gives them to the console's line discipline, which may make
     * signals of some.
     */
    default byte[] takeTyped() {
        return NOTHING;
    }

    /**
     * Waits until a key is pending (a program waits on the console and nothing else can run).
     * False if none can ever come: the terminal's input has ended.
     */
    default boolean awaitKeys() {
        return false;
    }

    /**
     * A line typed at the terminal for the shell's own {@code read} builtin, without its
     * newline, or null if the input has ended (or was interrupted). Batch mode: null, as
     * programs see end of file on the console.
     */
    default String readLine() {
        return null;
    }

    /** The pacer that holds virtual time to the wall clock while the machine idles, or null (batch: as fast as possible). */
    default Pacer pacer() {
        return null;
    }

    /** A foreground job gets the terminal: from now on its keys are passed through as typed. */
    default void foregroundStarted() {}

    /** The shell has the terminal back: the host terminal's modes are restored. */
    default void foregroundEnded() {}

    /** Batch mode: no person, no keys, and programs see end of file on the console. */
    Frontend BATCH = new Frontend() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public boolean keyPending() {
            return false;
        }

        @Override
        public int takeKey() {
            return 0;
        }
    };
}

package shell;

/**
 * What the shell needs from its terminal while a program runs: whether a person is there,
 * a line of input for a program that reads the console, and the job-control keys pressed.
 * The JLine console implements it for interactive use; batch mode has no keys and no input.
 */
interface Frontend {
    /** True if a person types at a terminal (prompts, line editing, Ctrl-C). */
    boolean interactive();

    /**
     * Reads one line typed for a running program, with its newline; null at end of input
     * (Ctrl-D). Called only when a foreground program waits on the console.
     */
    String readProgramInput();

    /** True if a job-control key is waiting to be handled; cheap, asked after every round of the machine. */
    boolean keyPending();

    /** The signal of the key pressed since the last call (SIGINT for Ctrl-C, SIGTSTP for Ctrl-Z), or 0. */
    int takeKey();

    /** Batch mode: no person, no keys, and programs see end of file on the console. */
    Frontend BATCH = new Frontend() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public String readProgramInput() {
            return null;
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

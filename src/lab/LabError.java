package lab;

/**
 * A lab command refused or failed for a reason the user can act on: the message is one line,
 * and {@link #status} is the exit status the command returns (1 for a refusal or failure, 2
 * for a lab name that does not exist, as for any other mistake on the command line).
 */
public final class LabError extends Exception {
    private static final long serialVersionUID = 1L;

    /** The exit status of the command that failed. */
    public final int status;

    public LabError(int status, String message) {
        super(message);
        this.status = status;
    }
}

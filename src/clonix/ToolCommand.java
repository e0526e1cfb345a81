package clonix;

import diag.CompileException;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Base of every subcommand: runs {@link #call0()} and turns the errors a user can cause
 * into messages on standard error and exit status 1, so no stack trace ever reaches them.
 * That includes the Java errors a process survives once the work that caused them is
 * abandoned: running out of heap or of stack, whatever the input.
 */
abstract class ToolCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** The command's work; returns the exit status. */
    abstract int call0() throws Exception;

    @Override
    public final Integer call() throws Exception {
        try {
            return call0();
        } catch (HostFiles.UserError e) {
            spec.commandLine().getErr().println("clonix " + spec.name() + ": " + e.getMessage());
            return 1;
        } catch (CompileException e) {
            spec.commandLine().getErr().print(e.render());
            spec.commandLine().getErr().flush();
            return 1;
        } catch (OutOfMemoryError e) {
            return fatal("out of memory (the Java heap is full)");
        } catch (StackOverflowError e) {
            return fatal("out of stack (input nested too deeply)");
        }
    }

    /** Reports a Java error the command cannot go on after, in one line; exit status 1. */
    private int fatal(String what) {
        spec.commandLine().getErr().println("clonix " + spec.name() + ": fatal error: " + what);
        spec.commandLine().getErr().flush();
        return 1;
    }
}

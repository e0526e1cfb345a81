package shell;

import boot.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * Job control built-ins: jobs, fg, bg, kill and wait. A job is named by a job spec
 * ({@code %1}, {@code %+}, {@code %-}, {@code %NAME}) or, for kill and wait, by a pid.
 */
final class JobBuiltins {
    private JobBuiltins() {}

    static void register(Builtins table) {
        table.add(new Builtin("jobs", "jobs", "list the background jobs",
                "Lists the jobs started with '&' that have not been reported finished:\n"
                        + "[N], '+' for the current job and '-' for the previous one, the state, the command.",
                JobBuiltins::jobs));
        table.add(new Builtin("fg", "fg [JOB]", "wait for a job in the foreground",
                "Brings JOB (default: the current job, %+) to the foreground: prints its command,\n"
                        + "continues it if it was stopped (SIGCONT) and waits for it, so Ctrl-C and\n"
                        + "Ctrl-Z go to it. The status is the job's.",
                JobBuiltins::fg));
        table.add(new Builtin("bg", "bg [JOB]", "let a job run in the background",
                "Continues a stopped JOB (default: %+) in the background: SIGCONT to its process\n"
                        + "group. A job that is running already is left alone, with a warning.",
                JobBuiltins::bg));
        table.add(new Builtin("kill", "kill [-SIG] PID|JOB...", "send a signal",
                "Sends SIG (default TERM; a name like INT or SIGINT, or a number) to each process\n"
                        + "PID, or to every process of JOB (%N): kill(-pgid, SIG). 'kill -l' lists the signals.",
                JobBuiltins::kill));
        table.add(new Builtin("wait", "wait [PID|JOB...]", "wait for background jobs",
                "Runs the machine until the given jobs (default: all) have finished; the status is\n"
                        + "the last one's. Their 'Done' lines follow at the next prompt, as in bash.",
                JobBuiltins::await));
    }

    /** Reaps whatever of {@code job} has exited, so that its state is current. */
    static void update(Shell sh, Job job) {
        for (int pid : job.running()) {
            Session.Exited e = sh.session.reap(pid);
            if (e != null) job.exited(pid, e.waitStatus());
        }
    }

    private static int jobs(Shell sh, List<String> args, Builtin.Io io) {
        for (Job job : sh.jobs.all()) {
            update(sh, job);
            if (job.isDone()) {
                io.out().println(sh.jobLine(job, Messages.jobState(job.waitStatus())));
                sh.jobs.remove(job);
            } else if (job.isStopped()) {
                io.out().println(sh.jobLine(job, job.stoppedState()));
            } else {
                io.out().println(sh.jobLine(job, "Running") + " &");
            }
        }
        return 0;
    }

    /** The job named by args[1] (default %+); null after a message. */
    private static Job job(Shell sh, List<String> args, Builtin.Io io) {
        String spec = args.size() > 1 ? args.get(1) : "%+";
        Job job = sh.jobs.find(spec.startsWith("%") ? spec : "%" + spec);
        if (job == null) io.err().println("sh: " + args.get(0) + ": " + (args.size() > 1 ? spec : "current") + ": no such job");
        return job;
    }

    private static int fg(Shell sh, List<String> args, Builtin.Io io) {
        Job job = job(sh, args, io);
        if (job == null) return 1;
        sh.jobs.remove(job);
        io.out().println(job.text());
        io.out().flush();
        if (job.isStopped()) sh.session.signalGroup(job.pgid(), task.Signals.SIGCONT);
        return sh.executor.waitForeground(job);
    }

    private static int bg(Shell sh, List<String> args, Builtin.Io io) {
        Job job = job(sh, args, io);
        if (job == null) return 1;
        if (!job.isStopped()) {
            io.err().println("sh: bg: job " + job.number() + " already in background");
            return 0;
        }
        job.setStopped(false);
        sh.session.signalGroup(job.pgid(), task.Signals.SIGCONT);
        io.out().println("[" + job.number() + "]" + sh.jobs.mark(job) + " " + job.text() + " &");
        return 0;
    }

    private static int kill(Shell sh, List<String> args, Builtin.Io io) {
        int sig = task.Signals.SIGTERM;
        int i = 1;
        if (args.size() > 1 && args.get(1).equals("-l")) {
            StringBuilder row = new StringBuilder();
            for (int n = 1; n < Messages.SIGNALS.length; n++) {
                row.append(String.format("%2d) SIG%-7s ", n, Messages.SIGNALS[n]));
                if (n % 5 == 0 || n == Messages.SIGNALS.length - 1) {
                    io.out().println(row.toString().stripTrailing());
                    row.setLength(0);
                }
            }
            return 0;
        }
        if (args.size() > 2 && args.get(1).equals("-s")) {
            sig = Messages.signalNumber(args.get(2));
            i = 3;
        } else if (args.size() > 1 && args.get(1).startsWith("-") && args.get(1).length() > 1) {
            sig = Messages.signalNumber(args.get(1).substring(1));
            i = 2;
        }
        if (sig < 0) {
            io.err().println("sh: kill: " + args.get(i - 1) + ": invalid signal specification");
            return 1;
        }
        if (i >= args.size()) {
            io.err().println("sh: kill: usage: kill [-s SIG | -SIG] PID|JOB... or kill -l");
            return 2;
        }
        int status = 0;
        List<Integer> signalled = new ArrayList<>();
        for (String target : args.subList(i, args.size())) {
            if (target.startsWith("%")) {
                Job job = sh.jobs.find(target);
                if (job == null) {
                    io.err().println("sh: kill: " + target + ": no such job");
                    status = 1;
                } else if (sh.session.kill(-job.pgid(), sig) < 0) {
                    io.err().println("sh: kill: " + target + ": " + Messages.error(syscall.Errno.ESRCH));
                    status = 1;
                } else {
                    // As bash does: a stopped job would not see the signal until continued.
                    if (job.isStopped() && sig != task.Signals.SIGKILL && sig != task.Signals.SIGCONT) {
                        sh.session.kill(-job.pgid(), task.Signals.SIGCONT);
                        job.setStopped(false);
                    }
                    signalled.addAll(job.running());
                }
                continue;
            }
            int pid;
            try {
                pid = Integer.parseInt(target);
            } catch (NumberFormatException e) {
                io.err().println("sh: kill: " + target + ": arguments must be process or job IDs");
                status = 1;
                continue;
            }
            if (pid <= 0 || sh.session.kill(pid, sig) < 0) {
                io.err().println("sh: kill: (" + pid + ") - " + Messages.error(syscall.Errno.ESRCH));
                status = 1;
            } else {
                signalled.add(pid);
            }
        }
        sh.session.settleSignals(signalled);
        return status;
    }

    private static int await(Shell sh, List<String> args, Builtin.Io io) {
        List<Job> wanted = new ArrayList<>();
        if (args.size() == 1) wanted.addAll(sh.jobs.all());
        for (String a : args.subList(1, args.size())) {
            Job job = a.startsWith("%") ? sh.jobs.find(a) : pidJob(sh, a);
            if (job == null) {
                io.err().println("sh: wait: " + a + ": no such job");
                return 127;
            }
            wanted.add(job);
        }
        int status = 0;
        for (Job job : wanted) {
            sh.executor.awaitJob(job);
            status = job.status();
        }
        return args.size() == 1 ? 0 : status;
    }

    private static Job pidJob(Shell sh, String s) {
        try {
            return sh.jobs.byPid(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

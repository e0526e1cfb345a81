package shell;

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
                "Sends SIG (-SIG or -s SIG; default TERM; a name like INT or SIGINT, or a number) to each\n"
                        + "process PID, to every process of JOB (%N) or of group PGID (-PGID), to sh's group (0),\n"
                        + "or to every process but init and sh (-1); '--' ends the options, so that\n"
                        + "'kill -- -PGID' sends TERM. 'kill -l' lists the signals.",
                JobBuiltins::kill));
        table.add(new Builtin("wait", "wait [PID|JOB...]", "wait for background jobs",
                "Runs the machine until the given jobs (default: all) have finished; the status is\n"
                        + "the last one's. Their 'Done' lines follow at the next prompt, as in bash.",
                JobBuiltins::await));
    }

    private static int jobs(Shell sh, List<String> args, Builtin.Io io) {
        for (Job job : sh.jobs.all()) {
            if (sh.finished(job)) {
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

    /**
     * kill as bash parses it: options first ({@code -l}, {@code -s SIG}, {@code -n NUM},
     * {@code -SIG}, and {@code --} to end them), where only the first {@code -SIG} is a
     * signal, so that in {@code kill -9 -1} or {@code kill -- -5} the negative numbers are
     * pids. Each target is then kill(2) from pid 2: a pid (0 sh's group, -1 everything but
     * init and sh, -N group N) or a job spec (its group). The machine then runs until the
     * signals have been taken, so that the next prompt shows their effect.
     */
    private static int kill(Shell sh, List<String> args, Builtin.Io io) {
        int sig = task.Signals.SIGTERM;
        boolean sawSignal = false;
        int i = 1;
        while (i < args.size()) {
            String word = args.get(i);
            if (word.equals("-l") || word.equals("-L")) {
                listSignals(io);
                return 0;
            } else if (word.equals("-s") || word.equals("-n")) {
                if (i + 1 >= args.size()) {
                    io.err().println("sh: kill: " + word + ": option requires an argument");
                    return 2;
                }
                sig = signal(args.get(i + 1), io);
                if (sig < 0) return 1;
                sawSignal = true;
                i += 2;
            } else if (word.equals("--")) {
                i++;
                break;
            } else if (word.startsWith("-") && word.length() > 1 && !sawSignal) {
                sig = signal(word.substring(1), io);
                if (sig < 0) return 1;
                sawSignal = true;
                i++;
            } else {
                break;
            }
        }
        if (i >= args.size()) {
            io.err().println("sh: kill: usage: kill [-s SIG | -n NUM | -SIG] PID|JOB... or kill -l");
            return 2;
        }
        int status = 0;
        for (String target : args.subList(i, args.size())) {
            if (!killOne(sh, target, sig, io)) status = 1;
        }
        sh.session.settleSignals();
        return status;
    }

    /** The signal named {@code spec} ("9", "KILL", "sigkill"); -1 after bash's message if there is none. */
    private static int signal(String spec, Builtin.Io io) {
        int sig = Messages.signalNumber(spec);
        if (sig < 0) io.err().println("sh: kill: " + spec + ": invalid signal specification");
        return sig;
    }

    /** kill -l: the signals, five to a line, as bash lists them. */
    private static void listSignals(Builtin.Io io) {
        StringBuilder row = new StringBuilder();
        for (int n = 1; n < Messages.SIGNALS.length; n++) {
            row.append(String.format("%2d) SIG%-7s ", n, Messages.SIGNALS[n]));
            if (n % 5 == 0 || n == Messages.SIGNALS.length - 1) {
                io.out().println(row.toString().stripTrailing());
                row.setLength(0);
            }
        }
    }

    /**
     * Sends {@code sig} to one target of kill: a job spec or a pid. A job, named by its spec
     * or by its process group (-PGID), that is stopped is also continued, as bash does, so
     * that it takes the signal. False after a message if it failed.
     */
    private static boolean killOne(Shell sh, String target, int sig, Builtin.Io io) {
        Job job = null;
        int pid;
        if (target.startsWith("%")) {
            job = sh.jobs.find(target);
            if (job == null) {
                io.err().println("sh: kill: " + target + ": no such job");
                return false;
            }
            pid = -job.pgid();
        } else {
            try {
                pid = Integer.parseInt(target);
            } catch (NumberFormatException e) {
                io.err().println("sh: kill: " + target + ": arguments must be process or job IDs");
                return false;
            }
            if (pid < -1) job = sh.jobs.byGroup(-pid);
        }
        int err = sh.session.kill(pid, sig);
        if (err < 0) {
            String who = target.startsWith("%") ? target + ":" : "(" + pid + ") -";
            io.err().println("sh: kill: " + who + " " + Messages.error(-err));
            return false;
        }
        if (job != null && job.isStopped() && sig != task.Signals.SIGKILL && sig != task.Signals.SIGCONT) {
            sh.session.kill(pid, task.Signals.SIGCONT);
            job.setStopped(false);
        }
        return true;
    }

    private static int await(Shell sh, List<String> args, Builtin.Io io) {
        // Each target is a job still in the table, or the remembered status of one reported finished.
        List<Object> wanted = new ArrayList<>();
        if (args.size() == 1) wanted.addAll(sh.jobs.all());
        for (String a : args.subList(1, args.size())) {
            Job job = a.startsWith("%") ? sh.jobs.find(a) : pidJob(sh, a);
            Integer remembered = job == null && !a.startsWith("%") ? rememberedStatus(sh, a) : null;
            if (job == null && remembered == null) {
                io.err().println("sh: wait: " + a + ": no such job");
                return 127;
            }
            wanted.add(job != null ? job : remembered);
        }
        int status = 0;
        for (Object target : wanted) {
            if (target instanceof Job job) {
                sh.executor.awaitJob(job);
                status = job.status();
            } else {
                status = (Integer) target;
            }
        }
        return args.size() == 1 ? 0 : status;
    }

    /** The status of a job already reported finished whose last process was {@code s}, or null. */
    private static Integer rememberedStatus(Shell sh, String s) {
        try {
            return sh.jobs.finishedStatus(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Job pidJob(Shell sh, String s) {
        try {
            return sh.jobs.byPid(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

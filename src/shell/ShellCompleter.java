package shell;

import boot.GuestFiles;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: the first word of a command completes to built-ins, programs in /bin and
 * guest paths; later words to guest paths, job specs (%N) and the pids of jobs. Paths are
 * looked up in the guest file system from the shell's working directory.
 */
final class ShellCompleter implements Completer {
    private final Shell sh;

    ShellCompleter(Shell sh) {
        this.sh = sh;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        boolean first = line.wordIndex() == 0;
        if (first && !word.contains("/")) {
            for (String b : sh.builtinNames()) candidates.add(new Candidate(b, b, "built-in", null, null, null, true));
            for (String p : GuestFiles.list(sh.session().shell().fs(), "/bin")) {
                if (!p.endsWith("/")) candidates.add(new Candidate(p, p, "program", null, null, null, true));
            }
            return;
        }
        if (!first) {
            for (Job j : sh.jobs.all()) {
                String spec = "%" + j.number();
                candidates.add(new Candidate(spec, spec, "job", j.text(), null, null, true));
            }
            for (int pid : sh.jobPids()) {
                String p = Integer.toString(pid);
                candidates.add(new Candidate(p, p, "pid", null, null, null, true));
            }
        }
        int slash = word.lastIndexOf('/');
        String dir = slash < 0 ? "." : slash == 0 ? "/" : word.substring(0, slash);
        String prefix = slash < 0 ? "" : word.substring(0, slash + 1);
        for (String name : GuestFiles.list(sh.session().shell().fs(), dir)) {
            boolean isDir = name.endsWith("/");
            String value = prefix + name;
            candidates.add(new Candidate(value, name, null, null, null, null, !isDir));
        }
    }
}

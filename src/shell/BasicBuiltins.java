package shell;

import boot.GuestFiles;
import fs.Directory;
import fs.FsException;
import java.util.List;

/** The built-ins every shell has: cd, pwd, exit, export, unset, history, true and false. */
final class BasicBuiltins {
    private BasicBuiltins() {}

    static void register(Builtins table) {
        table.add(new Builtin("cd", "cd [DIR]", "change the current directory",
                "Changes the shell's working directory (that of its task, pid 2) to DIR, or to\n"
                        + "$HOME without one, or back to $OLDPWD with '-'; programs started afterwards\n"
                        + "inherit it. Sets $PWD and $OLDPWD.",
                BasicBuiltins::cd));
        table.add(new Builtin("pwd", "pwd", "print the current directory",
                "Prints the absolute path of the shell's working directory.", BasicBuiltins::pwd));
        table.add(new Builtin("exit", "exit [N]", "leave the shell",
                "Leaves the shell with status N (default: the last command's). Running jobs are\n"
                        + "killed with SIGKILL, with a warning. Ctrl-D at the prompt does the same.",
                BasicBuiltins::exit));
        table.add(new Builtin("export", "export [NAME[=VALUE]...]", "give variables to programs",
                "Marks each NAME for the environment of the programs the shell starts, setting\n"
                        + "it to VALUE if given. With no NAME, lists the exported variables.",
                BasicBuiltins::export));
        table.add(new Builtin("unset", "unset [-f|-v] NAME...", "remove variables or functions",
                "Removes each shell variable NAME, or with -f each function NAME.",
                (sh, args, io) -> {
                    List<String> names = args.subList(1, args.size());
                    boolean functions = !names.isEmpty() && names.get(0).equals("-f");
                    if (!names.isEmpty() && (functions || names.get(0).equals("-v"))) names = names.subList(1, names.size());
                    if (sh.inPipeline) return 0;
                    for (String n : names) {
                        if (functions) sh.functions.remove(n);
                        else sh.vars.unset(n);
                    }
                    return 0;
                }));
        table.add(new Builtin("history", "history", "list the commands typed so far",
                "Lists the command lines of this session, numbered from 1. Interactively they\n"
                        + "are also kept in ~/.clonix_history and reached with the arrow keys.",
                (sh, args, io) -> {
                    for (int i = 0; i < sh.history.size(); i++) io.out().printf("%5d  %s%n", i + 1, sh.history.get(i));
                    return 0;
                }));
        table.add(new Builtin("true", "true", "do nothing, successfully", "Returns status 0.", (sh, args, io) -> 0));
        table.add(new Builtin("false", "false", "do nothing, unsuccessfully", "Returns status 1.", (sh, args, io) -> 1));
    }

    private static int cd(Shell sh, List<String> args, Builtin.Io io) {
        if (args.size() > 2) {
            io.err().println("sh: cd: too many arguments");
            return 1;
        }
        String dir = args.size() == 2 ? args.get(1) : sh.vars.get("HOME");
        if (dir.isEmpty()) return 0; // cd "" stays, as in bash
        boolean back = dir.equals("-");
        if (back) {
            if (!sh.vars.isSet("OLDPWD")) {
                io.err().println("sh: cd: OLDPWD not set");
                return 1;
            }
            dir = sh.vars.get("OLDPWD");
        }
        var fs = sh.session.shell().fs();
        String old = GuestFiles.cwd(fs);
        try {
            Directory d = GuestFiles.directory(fs, dir);
            if (sh.inPipeline) return 0; // a subshell's cd changes nothing here
            fs.setCwd(d);
        } catch (FsException e) {
            io.err().println("sh: cd: " + dir + ": " + Messages.error(e.errno()));
            return 1;
        }
        sh.vars.set("OLDPWD", old);
        sh.vars.set("PWD", GuestFiles.cwd(fs));
        if (back) io.out().println(sh.vars.get("PWD")); // cd - says where it went
        return 0;
    }

    private static int pwd(Shell sh, List<String> args, Builtin.Io io) {
        io.out().println(GuestFiles.cwd(sh.session.shell().fs()));
        return 0;
    }

    private static int exit(Shell sh, List<String> args, Builtin.Io io) {
        int status = sh.vars.status();
        if (args.size() > 2) {
            io.err().println("sh: exit: too many arguments");
            return 1;
        }
        if (args.size() == 2) {
            try {
                status = Integer.parseInt(args.get(1)) & 0xff;
            } catch (NumberFormatException e) {
                io.err().println("sh: exit: " + args.get(1) + ": numeric argument required");
                status = 2;
            }
        }
        sh.requestExit(status);
        return status;
    }

    private static int export(Shell sh, List<String> args, Builtin.Io io) {
        if (args.size() == 1) {
            for (String n : sh.vars.exportedNames()) {
                io.out().println(sh.vars.isSet(n) ? "export " + n + "=\"" + sh.vars.get(n) + "\"" : "export " + n);
            }
            return 0;
        }
        int status = 0;
        for (String a : args.subList(1, args.size())) {
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (!Variables.isName(name)) {
                io.err().println("sh: export: `" + a + "': not a valid identifier");
                status = 1;
                continue;
            }
            if (sh.inPipeline) continue; // a subshell's export changes nothing here
            if (eq >= 0) sh.vars.set(name, a.substring(eq + 1));
            sh.vars.export(name);
        }
        return status;
    }
}

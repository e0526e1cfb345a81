package shell;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Word expansion, done when a command runs, in POSIX's order: parameters ({@code $X},
 * {@code ${X:-W}}...), command substitution and arithmetic; then field splitting of what
 * unquoted expansions produced, on the characters of $IFS (default space, tab, newline);
 * then pathname expansion of each field with an unquoted {@code * ? [} ({@link Glob});
 * quotes were removed by the lexer already. {@code "$@"} makes one field per positional
 * parameter. Assignments, redirection targets, here-documents and the word of a case are
 * expanded to one string, without splitting or globbing ({@link #string}).
 *
 * <p>An error ({@code ${X:?}} on an unset X, a bad arithmetic expression) throws
 * {@link Failure}: the shell prints it and abandons the rest of the command line, as bash does.
 */
final class Expansion {
    /** An expansion that failed; {@code fatal} ones (${X?}) also end a non-interactive shell. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean fatal;

        Failure(String message, boolean fatal) {
            super(message, null, false, false);
            this.fatal = fatal;
        }
    }

    private final Shell sh;

    Expansion(Shell sh) {
        this.sh = sh;
    }

    /** A field being built: its text and which of its characters were quoted (they are not pattern characters). */
    private static final class Field {
        final StringBuilder text = new StringBuilder();
        final BitSet quoted = new BitSet();
        /** True once a quoted piece was added: then the field exists even if empty (""). */
        boolean forced;

        void append(String s, boolean q) {
            if (q) {
                quoted.set(text.length(), text.length() + s.length());
                forced = true;
            }
            text.append(s);
        }

        boolean exists() {
            return forced || text.length() > 0;
        }
    }

    /** The fields of one word as they are built. */
    private final class Fields {
        final List<Field> done = new ArrayList<>();
        Field current = new Field();
        /** Whitespace of $IFS was seen: the field ends before the next character, if it has begun. */
        boolean splitPending;
        final String ifs = sh.vars.isSet("IFS") ? sh.vars.get("IFS") : " \t\n";

        void append(String s, boolean quoted) {
            if (s.isEmpty() && !quoted) return;
            breakIfPending();
            current.append(s, quoted);
        }

        /** Appends the result of an unquoted expansion, split on $IFS. */
        void appendSplit(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (ifs.indexOf(c) < 0) {
                    breakIfPending();
                    current.text.append(c);
                } else if (c == ' ' || c == '\t' || c == '\n') {
                    splitPending = true;
                } else {
                    endField(); // a delimiter that is not whitespace ends a field, even an empty one
                }
            }
        }

        void breakIfPending() {
            if (splitPending && current.exists()) endField();
            splitPending = false;
        }

        void endField() {
            done.add(current);
            current = new Field();
            splitPending = false;
        }

        List<Field> finish() {
            if (current.exists()) done.add(current);
            return done;
        }
    }

    /** The arguments {@code words} expand to: split into fields and pathname-expanded. */
    List<String> fields(List<Word> words) {
        List<String> out = new ArrayList<>();
        for (Word w : words) {
            for (Field f : split(w)) {
                String text = f.text.toString();
                boolean glob = !sh.noglob && Glob.hasPattern(text, f.quoted);
                List<String> paths = glob ? Glob.expand(sh.session.shell().fs(), text, f.quoted) : List.of();
                if (paths.isEmpty()) out.add(text);
                else out.addAll(paths);
            }
        }
        return out;
    }

    private List<Field> split(Word w) {
        Fields fs = new Fields();
        for (Word.Part p : w.parts()) {
            if (p instanceof Word.Literal l) {
                fs.append(l.text(), l.quoted());
            } else if (p instanceof Word.Variable v && v.op() == null
                    && (v.name().equals("@") || v.name().equals("*") && !v.quoted())) {
                List<String> params = sh.vars.positional();
                for (int i = 0; i < params.size(); i++) {
                    if (v.quoted()) {
                        if (i > 0) fs.endField();
                        fs.append(params.get(i), true);
                    } else {
                        if (i > 0) fs.splitPending = true; // an empty parameter makes no field here
                        fs.appendSplit(params.get(i));
                    }
                }
            } else {
                String value = value(p);
                if (p.quoted()) fs.append(value, true);
                else fs.appendSplit(value);
            }
        }
        return fs.finish();
    }

    /** The word as one string: expansions done, no field splitting, no pathname expansion. */
    String string(Word w) {
        StringBuilder b = new StringBuilder();
        for (Word.Part p : w.parts()) b.append(p instanceof Word.Literal l ? l.text() : value(p));
        return b.toString();
    }

    /** True if {@code subject} matches the word as a pattern (as in case: its quoted characters match only themselves). */
    boolean matches(Word pattern, String subject) {
        BitSet quoted = new BitSet();
        return Glob.matches(patternText(pattern, quoted), quoted, subject);
    }

    /** The word's text as a pattern, marking in {@code quoted} the characters that were quoted. */
    private String patternText(Word pattern, BitSet quoted) {
        StringBuilder b = new StringBuilder();
        for (Word.Part p : pattern.parts()) {
            String s = p instanceof Word.Literal l ? l.text() : value(p);
            if (p.quoted()) quoted.set(b.length(), b.length() + s.length());
            b.append(s);
        }
        return b.toString();
    }

    /** The value of an expansion part. */
    private String value(Word.Part p) {
        if (p instanceof Word.Literal l) return l.text();
        if (p instanceof Word.Variable v) return parameter(v);
        if (p instanceof Word.CommandSubstitution c) return sh.interpreter.capture(c.body());
        Word.Arithmetic a = (Word.Arithmetic) p;
        try {
            return Long.toString(Arithmetic.evaluate(string(a.expression()), scope));
        } catch (Arithmetic.Error e) {
            throw new Failure(e.getMessage(), false);
        }
    }

    /** What joins the positional parameters in "$*": the first character of $IFS (a space if it is unset). */
    private String ifsJoiner() {
        if (!sh.vars.isSet("IFS")) return " ";
        String ifs = sh.vars.get("IFS");
        return ifs.isEmpty() ? "" : ifs.substring(0, 1);
    }

    /** ${X#P} ${X##P} ${X%P} ${X%%P}: {@code value} without the prefix or suffix P matches. */
    private String removeMatch(String value, String op, Word patternWord) {
        BitSet quoted = new BitSet();
        String pat = patternText(patternWord, quoted);
        int n = value.length();
        boolean longest = op.length() == 2;
        if (op.startsWith("#")) {
            for (int k = 0; k <= n; k++) {
                int i = longest ? n - k : k;
                if (Glob.matches(pat, quoted, value.substring(0, i))) return value.substring(i);
            }
        } else {
            for (int k = 0; k <= n; k++) {
                int i = longest ? k : n - k;
                if (Glob.matches(pat, quoted, value.substring(i))) return value.substring(0, i);
            }
        }
        return value;
    }

    /** Arithmetic's names are the shell's variables. */
    private final Arithmetic.Scope scope = new Arithmetic.Scope() {
        @Override
        public String get(String name) {
            return sh.vars.get(name);
        }

        @Override
        public void set(String name, String value) {
            sh.vars.set(name, value);
        }
    };

    /**
     * A parameter with its operator: ${#X}, ${X-W}, ${X:-W}, ${X=W}, ${X:=W}, ${X+W}, ${X:+W},
     * ${X?W}, ${X:?W}, and the removal of the shortest or longest prefix (${X#P}, ${X##P}) or
     * suffix (${X%P}, ${X%%P}) that matches pattern P.
     */
    private String parameter(Word.Variable v) {
        String name = v.name();
        String value = sh.vars.get(name);
        if (name.equals("*")) value = String.join(ifsJoiner(), sh.vars.positional());
        if (v.op() == null) return value;
        if (v.op().equals("length")) return Integer.toString(value.length());
        if (v.op().startsWith("#") || v.op().startsWith("%")) return removeMatch(value, v.op(), v.arg());
        boolean set = sh.vars.isSet(name);
        boolean colon = v.op().startsWith(":");
        boolean usable = set && !(colon && value.isEmpty());
        switch (v.op().substring(colon ? 1 : 0)) {
            case "-":
                return usable ? value : string(v.arg());
            case "=":
                if (usable) return value;
                if (!Variables.isName(name)) throw new Failure("$" + name + ": cannot assign in this way", false);
                String w = string(v.arg());
                sh.vars.set(name, w);
                return w;
            case "+":
                return usable ? string(v.arg()) : "";
            default: // "?"
                if (usable) return value;
                String message = string(v.arg());
                throw new Failure(name + ": " + (message.isEmpty() ? "parameter null or not set" : message), true);
        }
    }
}

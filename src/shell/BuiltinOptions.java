package shell;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of a built-in that takes them before its operands, as getopt_long takes them:
 * {@code --name VALUE} or {@code --name=VALUE} for an option with a value, {@code --name} for
 * a switch; the first word that is not an option ends them, and so does {@code --}. A
 * mistake is a {@link Bad} whose message is the one line the built-in prints.
 */
final class BuiltinOptions {
    /** A word that is not one of the options, or an option without its value. */
    static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> switches = new HashSet<>();
    /** The words after the options. */
    final List<String> operands;

    private BuiltinOptions(List<String> operands) {
        this.operands = operands;
    }

    /** Parses {@code args} (args[0] is the built-in's name): {@code valued} take a value, {@code flags} do not. */
    static BuiltinOptions parse(List<String> args, Set<String> valued, Set<String> flags) throws Bad {
        int i = 1;
        Map<String, String> values = new HashMap<>();
        Set<String> switches = new HashSet<>();
        for (; i < args.size() && args.get(i).startsWith("--"); i++) {
            String word = args.get(i);
            if (word.equals("--")) {
                i++;
                break;
            }
            int eq = word.indexOf('=');
            String name = eq < 0 ? word : word.substring(0, eq);
            if (flags.contains(name) && eq < 0) {
                switches.add(name);
            } else if (valued.contains(name)) {
                if (eq < 0 && i + 1 == args.size()) throw new Bad(name + " needs a value");
                values.put(name, eq < 0 ? args.get(++i) : word.substring(eq + 1));
            } else {
                throw new Bad("unknown option " + word);
            }
        }
        BuiltinOptions o = new BuiltinOptions(args.subList(i, args.size()));
        o.values.putAll(values);
        o.switches.addAll(switches);
        return o;
    }

    /** True if the switch {@code name} was given. */
    boolean has(String name) {
        return switches.contains(name);
    }

    /** The value of {@code name}, or null if it was not given. */
    String value(String name) {
        return values.get(name);
    }

    /** The value of {@code name} as a number ({@code otherwise} if not given); a Bad naming it if it is not one. */
    long number(String name, long otherwise) throws Bad {
        return parsed(name, otherwise, Long::parseLong);
    }

    /**
     * The value of {@code name} as a number from {@code min} to {@code max} ({@code otherwise}
     * if not given); a Bad saying {@code range} if it is outside.
     */
    int number(String name, int otherwise, int min, int max, String range) throws Bad {
        long n = number(name, otherwise);
        if (n < min || n > max) throw new Bad(range);
        return (int) n;
    }

    /** As {@link #number}, for a number of seconds that may have a fraction. */
    double seconds(String name, double otherwise) throws Bad {
        return parsed(name, otherwise, Double::parseDouble);
    }

    /** The value of {@code name} read by {@code parse} ({@code otherwise} if not given); a Bad naming it if it is not a number. */
    private <T> T parsed(String name, T otherwise, java.util.function.Function<String, T> parse) throws Bad {
        String v = values.get(name);
        if (v == null) return otherwise;
        try {
            return parse.apply(v);
        } catch (NumberFormatException e) {
            throw new Bad(name + ": not a number: " + v);
        }
    }
}

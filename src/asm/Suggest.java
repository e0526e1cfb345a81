package asm;

import vm.Isa;

import java.util.ArrayList;
import java.util.List;

/** "Did you mean ...?" hints for misspelt mnemonics and directives. */
final class Suggest {
    private Suggest() {}

    /** "; did you mean 'add'?" for a near miss among mnemonics and pseudo-instructions, else "". */
    static String mnemonic(String name) {
        List<String> all = new ArrayList<>(Encoder.PSEUDOS);
        all.add("li");
        for (int op = 0; op < 256; op++) if (Isa.isDefined(op)) all.add(Isa.mnemonic(op));
        return closest(name, all);
    }

    /** The same for directives. */
    static String directive(String name) {
        return closest(name, Directives.NAMES);
    }

    private static String closest(String name, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(name, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        // One edit for short names, two for longer ones: further than that is a guess.
        int allowed = Math.min(name.length() - 1, name.length() <= 4 ? 1 : 2);
        return best != null && bestDistance <= allowed ? "; did you mean '" + best + "'?" : "";
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions from a to b. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

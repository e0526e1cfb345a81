package cc;

/**
 * Code for the GCC atomic builtins on the machine's atomic instructions (docs/isa.md):
 * fetch-and-add is {@code faa}, exchange is {@code xchg}, compare-and-swap is {@code cas},
 * and the bitwise read-modify-writes are a {@code cas} loop. The machine is sequentially
 * consistent, so every memory order is the same and {@code fence} only documents intent.
 */
final class Atomics {
    private Atomics() {}

    /** Evaluates ATOMIC node {@code n} into a new register. */
    static String gen(Codegen g, Node n) {
        if (n.atomicOp.equals("fence")) {
            g.emit("fence");
            return g.push(n.tok);
        }
        Type elem = n.args.get(0).type.base;
        String sfx = elem.size == 4 ? ".w" : ".d";
        String a = g.gen(n.args.get(0));
        switch (n.atomicOp) {
            case "fetch_add", "fetch_sub", "add_fetch", "sub_fetch" -> {
                String b = g.gen(n.args.get(1));
                if (n.atomicOp.contains("sub")) g.emit("neg\t" + b + ", " + b);
                g.emit("faa" + sfx + "\tt0, " + b + ", 0(" + a + ")");
                if (n.atomicOp.endsWith("_fetch")) g.emit("add\tt0, t0, " + b);
                g.pop();
                g.emit("mv\t" + a + ", t0");
                g.normalize(a, elem);
            }
            case "fetch_or", "fetch_and", "fetch_xor", "or_fetch", "and_fetch", "xor_fetch" -> {
                String b = g.gen(n.args.get(1));
                String op = n.atomicOp.contains("or") && !n.atomicOp.contains("xor") ? "or" : n.atomicOp.contains("and") ? "and" : "xor";
                String loop = g.label();
                g.emitLabel(loop);
                g.emit((elem.size == 4 ? "lw" : "ld") + "\tt0, 0(" + a + ")");
                g.emit(op + "\tt1, t0, " + b);
                g.emit("mv\tt2, t0");
                g.emit("cas" + sfx + "\tt2, t1, 0(" + a + ")");
                g.emit("bne\tt2, t0, " + loop);
                g.pop();
                g.emit("mv\t" + a + ", " + (n.atomicOp.startsWith("fetch") ? "t0" : "t1"));
                g.normalize(a, elem);
            }
            case "bool_cas", "val_cas" -> {
                String expected = g.gen(n.args.get(1));
                String desired = g.gen(n.args.get(2));
                g.emit("mv\tt0, " + expected);
                g.emit("cas" + sfx + "\tt0, " + desired + ", 0(" + a + ")");
                g.normalize("t0", elem);
                if (n.atomicOp.equals("bool_cas")) g.emit("seq\t" + a + ", t0, " + expected);
                else g.emit("mv\t" + a + ", t0");
                g.pop();
                g.pop();
            }
            case "xchg" -> {
                String b = g.gen(n.args.get(1));
                g.emit("xchg" + sfx + "\tt0, " + b + ", 0(" + a + ")");
                g.pop();
                g.emit("mv\t" + a + ", t0");
                g.normalize(a, elem);
            }
            case "release" -> {
                g.emit("fence");
                g.emit((elem.size == 4 ? "sw" : "sd") + "\tzero, 0(" + a + ")");
            }
            case "load" -> {
                g.load(a, a, elem);
                g.emit("fence");
            }
            case "store" -> {
                String b = g.gen(n.args.get(1));
                g.emit("fence");
                g.store(b, a, elem);
                g.emit("fence");
                g.pop();
            }
            case "cmpxchg" -> {
                // Compare with *expected; on failure write the value found back to *expected.
                String e = g.gen(n.args.get(1));
                String d = g.gen(n.args.get(2));
                g.load("t1", e, elem);
                g.emit("mv\tt0, t1");
                g.emit("cas" + sfx + "\tt0, " + d + ", 0(" + a + ")");
                g.normalize("t0", elem);
                String done = g.label();
                g.emit("seq\t" + a + ", t0, t1");
                g.emit("bne\t" + a + ", zero, " + done);
                g.store("t0", e, elem);
                g.emitLabel(done);
                g.pop();
                g.pop();
            }
            default -> throw new IllegalStateException("unknown atomic " + n.atomicOp);
        }
        return a;
    }
}

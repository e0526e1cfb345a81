package cc;

import diag.Diagnostics;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parser's types: declarators, struct layout, conversions and constant folding. */
class ParserTypeTest {
    private static List<Obj> parse(String source) throws Exception {
        Diagnostics d = new Diagnostics();
        List<Obj> globals = Parser.parse(Tokenizer.tokenize("t.c", source), d);
        assertFalse(d.hasErrors(), () -> d.all().toString());
        return globals;
    }

    private static Obj global(String source, String name) throws Exception {
        return parse(source).stream().filter(o -> o.name.equals(name)).findFirst().orElseThrow();
    }

    @Test
    void declaratorsBindAsCSays() throws Exception {
        assertEquals("int *[3]", global("int *a[3];", "a").type.toString());
        assertEquals("int (*)[4]", global("int (*q)[4];", "q").type.toString());
        assertEquals("char *(*)(int, ...)", global("char *(*h)(int, ...);", "h").type.toString());
        Type p = global("int (*p)[3];", "p").type;
        assertEquals(Type.Kind.PTR, p.kind);
        assertEquals(Type.Kind.ARRAY, p.base.kind);
        Type fp = global("long (*fp)(int, char *);", "fp").type;
        assertEquals(Type.Kind.FUNC, fp.base.kind);
        assertSame(Type.LONG, fp.base.returnType);
        assertEquals(2, fp.base.params.size());
        Type f = global("int (*signal(int sig, void (*h)(int)))(int);", "signal").type;
        assertEquals(Type.Kind.FUNC, f.kind);
        assertEquals(Type.Kind.PTR, f.returnType.kind);
        assertEquals(Type.Kind.FUNC, f.returnType.base.kind);
    }

    @Test
    void typeSpecifierCombinations() throws Exception {
        assertSame(Type.ULONG, global("unsigned long long int x;", "x").type);
        assertSame(Type.SHORT, global("short int signed x;", "x").type);
        assertSame(Type.UCHAR, global("char unsigned x;", "x").type);
        assertSame(Type.CHAR, global("char x;", "x").type);
        assertSame(Type.UINT, global("unsigned x;", "x").type);
    }

    @Test
    void structLayoutFollowsAlignment() throws Exception {
        Type s = global("struct s { char c; long l; short h; } v;", "v").type;
        assertEquals(24, s.size);
        assertEquals(8, s.align);
        assertEquals(8, s.member("l").offset);
        assertEquals(16, s.member("h").offset);
        Type u = global("union u { char c[5]; int i; } v;", "v").type;
        assertEquals(8, u.size);
        assertNull(u.member("nope"));
    }

    @Test
    void arrayLengthComesFromTheInitialiser() throws Exception {
        assertEquals(4, global("int a[] = {1, 2, 3, 4};", "a").type.arrayLength);
        assertEquals(6, global("char s[] = \"hello\";", "s").type.arrayLength);
        assertEquals(10, global("int d[] = {[9] = 1};", "d").type.arrayLength);
    }

    @Test
    void constantExpressionsFoldWithCSemantics() throws Exception {
        Obj o = global("int a = -1 < 1u; long b = (unsigned char) 300 + sizeof(int[5]); int c = 7 / -2;", "a");
        assertEquals(0, o.initData.byteAt(0));
        Obj b = global("long b = (unsigned char) 300 + sizeof(int[5]);", "b");
        assertEquals(64, b.initData.byteAt(0));
        Obj c = global("int c = 7 / -2 + (1 ? 2 : 3);", "c");
        assertEquals(-1, c.initData.byteAt(0));
    }

    @Test
    void usualArithmeticConversions() {
        assertSame(Type.UINT, Sema.common(Type.INT, Type.UINT));
        assertSame(Type.LONG, Sema.common(Type.UINT, Type.LONG));
        assertSame(Type.ULONG, Sema.common(Type.LONG, Type.ULONG));
        assertSame(Type.INT, Sema.common(Type.CHAR, Type.USHORT));
        assertEquals(255, Sema.normalize(-1, Type.UCHAR));
        assertEquals(-1, Sema.normalize(0xffffffffL, Type.INT));
    }

    @Test
    void addressConstantsBecomeRelocations() throws Exception {
        Obj p = global("int arr[4]; int *p = &arr[2];", "p");
        assertEquals(1, p.relocs.size());
        assertEquals("arr", p.relocs.get(0).label());
        assertEquals(8, p.relocs.get(0).addend());
        assertTrue(global("static int hidden;", "hidden").isStatic);
    }
}

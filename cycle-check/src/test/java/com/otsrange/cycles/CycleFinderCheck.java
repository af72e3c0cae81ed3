package com.otsrange.cycles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The finder on classes compiled here from sources whose dependencies the test wrote. */
class CycleFinderCheck {
    @TempDir
    Path dir;

    private Cycles compile(String... sources) throws IOException {
        Path src = dir.resolve("src");
        Path out = dir.resolve("classes");
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(Arrays.asList("-d", out.toString(), "-cp", out.toString()));
        for (int i = 0; i < sources.length; i += 2) {
            Path f = src.resolve(sources[i]);
            Files.createDirectories(f.getParent());
            Files.write(f, sources[i + 1].getBytes(StandardCharsets.UTF_8));
            args.add(f.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])));
        return Cycles.of(out);
    }

    private static Set<String> set(String... s) {
        return new TreeSet<>(Arrays.asList(s));
    }

    @Test
    void aReferenceOnlyInSignaturesMakesACycle() throws IOException {
        Cycles c = compile(
                "p/a/A.java", "package p.a; public class A { public void take(p.b.B b) { } }",
                "p/b/B.java", "package p.b; public class B { java.util.List<p.a.A> seen; }",
                "p/c/C.java", "package p.c; public class C { p.a.A a; }");
        assertEquals(Collections.singletonList(set("p.a", "p.b")), c.packageCycles());
        assertEquals(Collections.singletonList(set("p.a.A", "p.b.B")), c.classCycles());
        String shown = c.showPackageCycle(set("p.a", "p.b"));
        assertEquals("p.a -> p.b (A -> B) -> p.a (B -> A)", shown);
    }

    @Test
    void aNestedClassCountsAsItsOuterClassAndALiteralIsNoReference() throws IOException {
        Cycles c = compile(
                "p/a/A.java", "package p.a; public class A { static class In { Object o = new p.b.B(); } }",
                "p/b/B.java", "package p.b; public class B { String name = \"Lp/a/A;\"; }");
        assertTrue(c.packageCycles().isEmpty());
        Cycles back = compile(
                "p/b/B.java", "package p.b; public class B { Runnable r = () -> new p.a.A(); }");
        assertEquals(Collections.singletonList(set("p.a", "p.b")), back.packageCycles());
    }

    @Test
    void layeredPackagesHaveNoCycleAndAClassCycleInsideOnePackageIsNoPackageCycle() throws IOException {
        Cycles c = compile(
                "p/a/A.java", "package p.a; public class A { p.b.B b; A2 other; }",
                "p/a/A2.java", "package p.a; public class A2 { A back; p.c.C c; }",
                "p/b/B.java", "package p.b; public class B { p.c.C c; }",
                "p/c/C.java", "package p.c; public class C { }");
        assertTrue(c.packageCycles().isEmpty(), c.packageCycles().toString());
        assertEquals(Collections.singletonList(set("p.a.A", "p.a.A2")), c.classCycles());
    }

    @Test
    void knownCyclesAreReadFromTheProperty() {
        assertEquals(Arrays.asList(set("x.a", "x.b"), set("y")), KnownCycles.parse(" x.a x.b ;\n y , ; "));
        assertTrue(KnownCycles.parse("").isEmpty());
    }

    @Test
    void aClassCycleFailsWithItsPathAndHowToBreakItUnlessAListedCycleHoldsIt() throws IOException {
        Cycles c = compile(
                "p/a/A.java", "package p.a; public class A { B b; }",
                "p/a/B.java", "package p.a; public class B { java.util.List<A> seen; C c; }",
                "p/a/C.java", "package p.a; public class C { }",
                // E's way back to D: a nested class reading D's constant (javac records D though it copies the value)
                "p/a/D.java", "package p.a; public class D { public static final int K = 1; E e; }",
                "p/a/E.java", "package p.a; public class E { static class In { int k = D.K; } }");
        String classes = dir.resolve("classes").toString();
        String failure = NoClassCycleTest.problem(classes, c, new KnownCycles(""));
        assertEquals("class cycles in " + classes + " (each: its classes, then one path through them, each step a reference in"
                + " the class files):\n  [p.a.A, p.a.B]: A -> B -> A\n  [p.a.D, p.a.E]: D -> E -> D\n" + NoClassCycleTest.HOW_TO_BREAK,
                failure);
        assertTrue(NoClassCycleTest.HOW_TO_BREAK.contains("cycleCheck.knownClassCycles"));
        String onlyOne = NoClassCycleTest.problem(classes, c, new KnownCycles("p.a.A p.a.B p.a.C"));
        assertTrue(onlyOne.contains("[p.a.D, p.a.E]: D -> E -> D") && !onlyOne.contains("p.a.A"), onlyOne);
        assertEquals(null, NoClassCycleTest.problem(classes, c, new KnownCycles("p.a.A, p.a.B; p.a.D p.a.E")));
        assertTrue(NoClassCycleTest.problem(classes, c, new KnownCycles("p.a.A p.a.C; p.a.D p.a.E")) != null,
                "a listed cycle must hold the whole cycle found");
    }

    @Test
    void aListedCycleNoLongerFoundIsGone() {
        KnownCycles known = new KnownCycles("x.A x.B; y.C y.D");
        List<Set<String>> found = Collections.singletonList(set("x.A", "x.B"));
        assertEquals(Collections.singletonList(set("y.C", "y.D")), known.gone(found));
        assertTrue(known.unknown(found).isEmpty());
        assertEquals(Collections.singletonList(set("z.E", "z.F")), known.unknown(Collections.singletonList(set("z.E", "z.F"))));
    }
}

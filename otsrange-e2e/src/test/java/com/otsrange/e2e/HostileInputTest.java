package com.otsrange.e2e;

import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus under src/test/resources/hostile/: one folder per broken job (job.json with
 * ${endpoint} ${accessId} ${accessKey} ${instance} ${out} ${dir}, extra task files, and
 * expect.properties: code, field, hint). Each must fail with that error code, one message naming
 * the field and the fix, and write nothing (no output folder, the case folder unchanged).
 */
class HostileInputTest {
    static E2e e2e;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() throws Exception {
        e2e = new E2e();
        e2e.createTable("hostile", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        e2e.load("hostile", Arrays.asList("id", "ct"), Arrays.asList(new E2e.SrcRow(Arrays.<Object>asList("dev-1", 1672531200000L),
                E2e.attrs("v", 1.5))));
        e2e.createTable("intkeys", "id", PrimaryKeyType.INTEGER, "ct", PrimaryKeyType.INTEGER);
        e2e.load("intkeys", Arrays.asList("id", "ct"), Arrays.asList(new E2e.SrcRow(Arrays.<Object>asList(7L, 1672531200000L),
                E2e.attrs("v", 1.5))));
    }

    @AfterAll
    static void stop() {
        e2e.close();
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenJobIsRejectedCleanly() throws Exception {
        Path corpus = Paths.get(HostileInputTest.class.getResource("/hostile").toURI());
        List<Path> cases;
        try (Stream<Path> s = Files.list(corpus)) {
            cases = s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
        }
        assertTrue(cases.size() >= 30, "corpus size " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    static void check(Path caseDir) throws Exception {
        Path dir = work.resolve(caseDir.getFileName().toString());
        KillResumeTest.copyTree(caseDir, dir);
        Files.delete(dir.resolve("expect.properties"));
        Properties expect = new Properties();
        try (InputStream in = Files.newInputStream(caseDir.resolve("expect.properties"))) {
            expect.load(in);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(expect.getProperty("disabled") == null, expect.getProperty("disabled"));
        Path out = dir.resolve("out");
        String json = new String(Files.readAllBytes(dir.resolve("job.json")), StandardCharsets.UTF_8)
                .replace("${endpoint}", e2e.endpoint()).replace("${accessId}", E2e.ID).replace("${accessKey}", E2e.SECRET)
                .replace("${instance}", E2e.INSTANCE).replace("${out}", out.toString()).replace("${dir}", dir.toString());
        Map<String, byte[]> before = E2e.snapshot(dir);

        E2e.Captured c = E2e.runCaptured(json);
        RunResult r = c.result;
        String m = String.valueOf(r.errorMessage());
        assertFalse(r.succeeded(), "must fail");
        assertEquals(expect.getProperty("code"), r.errorCode(), m);
        String field = expect.getProperty("field").replace("${dir}", dir.toString());
        String hint = expect.getProperty("hint").replace("${dir}", dir.toString());
        assertTrue(m.contains(field), "message names " + field + ": " + m);
        assertTrue(m.contains(hint), "message says how to fix (" + hint + "): " + m);
        assertFalse(m.contains(E2e.SECRET) || c.output.contains(E2e.SECRET), "the access key leaked");
        assertFalse(Files.exists(out), "output folder created: " + E2e.allPaths(out));
        assertEquals("", E2e.diff(before, E2e.snapshot(dir)), "files changed in the case folder");
        List<String> all = new ArrayList<>(E2e.allPaths(dir));
        assertFalse(all.stream().anyMatch(p -> p.contains(".otsrange")), "state written: " + all);
        System.out.println("[hostile] " + caseDir.getFileName() + " -> " + r.errorCode() + ": " + m);
    }
}

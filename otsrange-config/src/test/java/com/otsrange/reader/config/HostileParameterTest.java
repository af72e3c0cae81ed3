package com.otsrange.reader.config;

import com.alibaba.datax.common.exception.DataXException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values the parser used to let through (issue 14): null, reversed string ranges, endpoints, names, ${...}. */
class HostileParameterTest {
    @TempDir
    Path dir;

    List<String> problems(String overrides) {
        Map<String, Object> p = ReaderSpecTest.with(overrides);
        return ReaderSpecParser.parse(p, dir, Collections.<String, String>emptyMap()).problems();
    }

    static void assertHas(List<String> problems, String prefix, String text) {
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(prefix + ": ") && p.contains(text)),
                () -> "expected " + prefix + " ... " + text + " in " + problems);
    }

    // ---- null (what the job-file check cannot see: task files are read by the reader itself)

    @Test
    void nullInATaskFilesFiltersIsRefusedWithTheFileInThePath() throws IOException {
        Files.write(dir.resolve("t.json"), "{\"d1\": {\"columns\": [\"x\"], \"filters\": {\"ct\": {\"gte\": \"2024-01-01\", \"lt\": null}, \"x\": null}}}"
                .getBytes(StandardCharsets.UTF_8));
        List<String> p = problems("{\"tasks\":{\"source\":\"file\",\"path\":\"t.json\"}}");
        assertHas(p, "parameter.tasks.path (t.json).d1.filters.ct.lt", "got null");
        assertHas(p, "parameter.tasks.path (t.json).d1.filters.x", "got null");
    }

    @Test
    void aRepeatedKeyInsideATaskFileDefinitionIsRefused() throws IOException {
        Files.write(dir.resolve("t.json"), "{\"d1\": {\"columns\": [\"x\"],\n \"columns\": [\"z\"]}}".getBytes(StandardCharsets.UTF_8));
        List<String> p = problems("{\"tasks\":{\"source\":\"file\",\"path\":\"t.json\"}}");
        assertHas(p, "parameter.tasks.path (t.json).d1.columns", "appears twice in one object (lines 1 and 2)");
    }

    // ---- reversed string ranges

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"filters\":{\"id\":{\"between\":[\"z\",\"a\"]}}}|parameter.filters.id.between",
        "{\"filters\":{\"id\":{\"gt\":\"m\",\"lt\":\"a\"}}}|parameter.filters.id",
        "{\"filters\":{\"id\":{\"gte\":\"dev-2\",\"lt\":\"dev-2\"}}}|parameter.filters.id",
        "{\"filters\":{\"s\":{\"between\":[\"b\",\"c\"],\"lt\":\"a\"}}}|parameter.filters.s",
        "{\"filters\":{\"b\":{\"gt\":true,\"lt\":false}}}|parameter.filters.b",
        "{\"filters\":{\"d\":{\"gt\":2.5,\"lte\":1.5}}}|parameter.filters.d",
        "{\"schema\":{\"partitionKey\":\"id\",\"sortKey\":\"ct\"},\"filters\":{\"day\":{\"gte\":\"2024-02-01\",\"lt\":\"2024-01-01\"}}}"
                + "|parameter.filters.day",
    })
    void rangesThatCanOnlyBeStringsNumbersOrBooleansAreCheckedOffline(String caseText) {
        String[] c = caseText.split("\\|");
        List<String> p = problems(c[0]);
        assertHas(p, c[1], "impossible range");
        assertEquals(1, p.size(), p.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"filters\":{\"dim\":{\"gt\":\"10\",\"lt\":\"9\"}}}",        // INTEGER key: 10 > 9; STRING: "10" < "9"
        "{\"filters\":{\"bin\":{\"between\":[\"/w==\",\"AA==\"]}}}",   // BINARY: 0xFF > 0x00; STRING: '/' < 'A'
        "{\"filters\":{\"id\":{\"between\":[\"a\",\"z\"]}}}",
        "{\"filters\":{\"id\":{\"gte\":\"a\",\"lte\":\"a\"}}}",
    })
    void pairsWhoseOrderDependsOnTheColumnTypeWaitForDescribeTable(String overrides) {
        assertEquals(Collections.emptyList(), problems(overrides));
    }

    // ---- endpoint

    @ParameterizedTest
    @ValueSource(strings = {"https://inst.cn-hangzhou.ots.aliyuncs.com", "http://127.0.0.1:8080", "https://x.example/",
        "http://my_host-1.local:65535//"})
    void endpointsTheSdkAcceptsPass(String endpoint) {
        assertEquals(Collections.emptyList(), problems("{\"endpoint\":\"" + endpoint + "\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://x.example/path|a path", "https://x.example?a=1|a query", "https://x.example/#top|a fragment",
        "ftp://x.example|http:// or https://", "HTTPS://x.example|lower case", "https://|no host", "https://:80|no host",
        "https://x.example:0|port", "https://x.example:123456|port", "https://x y.example|host", "x.example|http://"})
    void endpointsTheSdkRefusesAreRefusedOfflineWithTheFix(String caseText) {
        String[] c = caseText.split("\\|");
        List<String> p = problems("{\"endpoint\":\"" + c[0] + "\"}");
        assertEquals(1, p.size(), p.toString());
        assertHas(p, "parameter.endpoint", c[1]);
        assertHas(p, "parameter.endpoint", "https://<instance>.<region>.ots.aliyuncs.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://admin:Pa55w0rd@x.example", "https://admin:Pa55w0rd@x.example/p", "https://admin:Pa/55w0rd@x.example",
        "ftp://admin:Pa55w0rd@x.example", "https://admin:Pa55w0rd@@x.example:99999"})
    void userInfoIsRefusedAndNeverEchoed(String endpoint) {
        List<String> p = problems("{\"endpoint\":\"" + endpoint + "\"}");
        assertFalse(p.isEmpty());
        for (String problem : p) {
            assertFalse(problem.contains("Pa55") || problem.contains("admin") || problem.contains("55w0rd"), problem);
        }
        DataXException e = assertThrows(DataXException.class,
                () -> ReaderSpecParser.parse(ReaderSpecTest.with("{\"endpoint\":\"" + endpoint + "\"}"), dir, Collections.<String, String>emptyMap())
                        .orThrow(ReaderSpecTest.INVALID));
        assertFalse(e.getMessage().contains("Pa55"), e.getMessage());
        assertTrue(e.getMessage().contains("parameter.endpoint"), e.getMessage());
    }

    @Test
    void anEndpointFromTheEnvironmentIsCheckedAndNamedSo() {
        Map<String, Object> p = ReaderSpecTest.with("{\"endpoint\":null}");
        List<String> problems = ReaderSpecParser.parse(p, dir, Collections.singletonMap("OTS_ENDPOINT", "https://u:secretpw@x.example")).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("parameter.endpoint (from the environment variable OTS_ENDPOINT): must not hold user-info"),
                problems.get(0));
        assertFalse(problems.get(0).contains("secretpw"), problems.get(0));
    }

    @Test
    void instanceNamesTheSdkRefusesAreRefused() {
        assertHas(problems("{\"instanceName\":\"my inst\"}"), "parameter.instanceName", "invalid instance name");
    }

    // ---- names

    @Test
    void everyBadNameIsReportedAtOnceWithItsPath() throws IOException {
        Files.write(dir.resolve("t.json"), ("{\"k1\": [\"p34:1\", \"ok_1\"], \"k2\": [\"p34:1\"],"
                + " \"k3\": {\"columns\": [\"1st\"], \"filters\": {\"a b\": 1}}}").getBytes(StandardCharsets.UTF_8));
        List<String> p = problems("{\"table\":\"my-table\",\"schema\":{\"partitionKey\":\"id:1\",\"sortKey\":\"ct\",\"otherKeys\":[\"dim.x\"]},"
                + "\"filters\":{\"temp\\u00b0\":{\"gt\":1}},\"appendColumns\":[\"ct\",\"\\u00e9t\\u00e9\"],"
                + "\"tasks\":{\"source\":\"file\",\"path\":\"t.json\"}}");
        assertHas(p, "parameter.table", "invalid table name \"my-table\"");
        assertHas(p, "parameter.schema.partitionKey", "invalid column name \"id:1\"");
        assertHas(p, "parameter.schema.otherKeys[0]", "e.g. \"dim_x\"");
        assertHas(p, "parameter.filters[\"temp\u00b0\"]", "invalid column name");
        assertHas(p, "parameter.appendColumns[1]", "invalid column name");
        assertHas(p, "parameter.tasks.path (t.json).k1[0]", "invalid column name \"p34:1\" (also in 1 more place)");
        assertHas(p, "parameter.tasks.path (t.json).k1[0]", "e.g. \"p34_1\"");
        assertHas(p, "parameter.tasks.path (t.json).k3.columns[0]", "e.g. \"_1st\"");
        assertHas(p, "parameter.tasks.path (t.json).k3.filters[\"a b\"]", "invalid column name");
        assertEquals(8, p.size(), p.toString());
    }

    @Test
    void namesOfAllowedShapesPass() {
        StringBuilder longest = new StringBuilder("_");
        while (longest.length() < 255) {
            longest.append('a');
        }
        assertEquals(Collections.emptyList(), problems("{\"table\":\"" + longest + "\",\"appendColumns\":[\"_x9\",\"Z\"]}"));
        assertHas(problems("{\"table\":\"" + longest + "b\"}"), "parameter.table", "1 to 255");
    }

    // ---- ${...}

    @Test
    void anUnreplacedPlaceholderIsNamedWithTheOptionToPassAndNothingElseIsSaidAboutIt() {
        List<String> p = problems("{\"endpoint\":\"${endpoint}\",\"shard\":\"${shard}\",\"table\":\"${table}\",\"splitFactor\":\"${sf}\","
                + "\"filters\":{\"ct\":{\"gte\":\"${startDate}\",\"lt\":\"2024-01-01\"}}}");
        assertEquals(5, p.size(), p.toString());
        assertHas(p, "parameter.endpoint", "still holds ${endpoint}, which no -p value replaced");
        assertHas(p, "parameter.endpoint", "-Dendpoint=value");
        assertHas(p, "parameter.shard", "-Dshard=value");
        assertHas(p, "parameter.table", "-Dtable=value");
        assertHas(p, "parameter.splitFactor", "-Dsf=value");
        assertHas(p, "parameter.filters.ct.gte", "-DstartDate=value");
    }

    @Test
    void theSecretsPlaceholderIsNamedButNeverTheSecret() {
        List<String> p = problems("{\"accessKey\":\"abc${x}def\"}");
        assertEquals(1, p.size(), p.toString());
        assertHas(p, "parameter.accessKey", "a ${...} placeholder");
        assertFalse(p.get(0).contains("abc") || p.get(0).contains("def"), p.get(0));
    }
}

package com.otsrange.runner;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalRunnerTest {

    @BeforeAll
    static void registerTestPlugins() {
        LocalRunner.registerPlugin(PluginType.READER, "testreader", TestReader.class.getName());
        LocalRunner.registerPlugin(PluginType.WRITER, "testwriter", TestWriter.class.getName());
    }

    private static String job(String runId, String setting, String readerParams, String writerParams) {
        return "{\"job\":{\"setting\":{" + setting + "},\"content\":[{"
                + "\"reader\":{\"name\":\"testreader\",\"parameter\":{\"runId\":\"" + runId + "\"" + readerParams + "}},"
                + "\"writer\":{\"name\":\"testwriter\",\"parameter\":{\"runId\":\"" + runId + "\"" + writerParams + "}}"
                + "}]}}";
    }

    private static RunResult run(String json) {
        return new LocalRunner(RunOptions.quiet()).runJson(json);
    }

    private static String newRunId() {
        return UUID.randomUUID().toString();
    }

    @Test
    void readerTaskIRecordsReachOnlyWriterTaskI() {
        String id = newRunId();
        RunResult result = run(job(id, "\"speed\":{\"channel\":3}",
                ",\"tasks\":7,\"recordsPerTask\":[5,0,700,3,1,2000,9]", ""));
        assertTrue(result.succeeded(), result::toString);
        TestLog log = TestLog.of(id);
        int[] expected = {5, 0, 700, 3, 1, 2000, 9};
        for (int task = 0; task < expected.length; task++) {
            List<String> seen = log.received.get(task);
            assertEquals(expected[task], seen.size(), "writer task " + task);
            for (int n = 0; n < seen.size(); n++) {
                // in order, from its own reader task, with the reader's meta
                assertEquals(task + ":" + n + ":" + task, seen.get(n));
            }
        }
        assertEquals(2718, result.readRecords());
        assertEquals(2718, result.writeRecords());
        assertEquals(7, result.taskCount());
        assertEquals(0, result.errorRecords());
        assertEquals(0, result.exitCode());
    }

    @Test
    void atMostChannelPairsRunAtOnce() {
        String id = newRunId();
        RunResult result = run(job(id, "\"speed\":{\"channel\":2}", ",\"tasks\":6,\"sleepMillis\":40", ""));
        assertTrue(result.succeeded(), result::toString);
        int max = TestLog.of(id).maxActiveReaders.get();
        assertTrue(max >= 1 && max <= 2, "max concurrent pairs " + max);
        assertEquals(2, TestLog.of(id).facts.get("adviceNumber"));
        assertEquals(6, TestLog.of(id).facts.get("mandatoryNumber"));
    }

    @Test
    void channelCountComesFromByteAndRecordLimitsLikeDatax() {
        String id = newRunId();
        RunResult result = run(job(id, "\"speed\":{\"channel\":2,\"byte\":1000000,\"record\":300}", ",\"records\":1",
                "").replace("{\"job\"", "{\"core\":{\"transport\":{\"channel\":{\"speed\":{\"byte\":100000000,"
                + "\"record\":100}}}},\"job\""));
        assertTrue(result.succeeded(), result::toString);
        // byte: max(1, 1e6/1e8) = 1, record: 300/100 = 3 -> the smaller wins, channel is ignored
        assertEquals(1, TestLog.of(id).facts.get("adviceNumber"));
    }

    @Test
    void byteLimitWithoutPerChannelLimitIsAConfigError() {
        RunResult result = run(job(newRunId(), "\"speed\":{\"byte\":1048576}", "", ""));
        assertFalse(result.succeeded());
        assertEquals("Framework-03", result.errorCode());
        assertTrue(result.errorMessage().contains("core.transport.channel.speed.byte"), result.errorMessage());
    }

    @Test
    void missingSpeedIsAConfigError() {
        RunResult result = run(job(newRunId(), "", "", ""));
        assertEquals("Framework-03", result.errorCode());
        assertTrue(result.errorMessage().contains("job.setting.speed.channel"), result.errorMessage());
    }

    @Test
    void errorLimitRecordFailsTheJobWhenExceeded() {
        String id = newRunId();
        RunResult result = run(job(id, "\"speed\":{\"channel\":1},\"errorLimit\":{\"record\":2}",
                ",\"tasks\":1,\"records\":50", ",\"dirtyEvery\":10"));
        assertFalse(result.succeeded());
        assertEquals("Framework-14", result.errorCode());
        assertFalse(TestLog.of(id).events.contains("writer.job.post"));
        assertTrue(TestLog.of(id).events.contains("writer.job.destroy"));
    }

    @Test
    void errorLimitRecordAllowsUpToTheLimit() {
        RunResult result = run(job(newRunId(), "\"speed\":{\"channel\":1},\"errorLimit\":{\"record\":5}",
                ",\"tasks\":1,\"records\":50", ",\"dirtyEvery\":10"));
        assertTrue(result.succeeded(), result::toString);
        assertEquals(5, result.errorRecords());
        assertEquals(50, result.readRecords());
        assertEquals(45, result.writeRecords());
    }

    @Test
    void errorLimitPercentageIsCheckedAtTheEnd() {
        RunResult tooMany = run(job(newRunId(), "\"speed\":{\"channel\":2},\"errorLimit\":{\"percentage\":0.05}",
                ",\"tasks\":2,\"records\":100", ",\"dirtyEvery\":10"));
        assertEquals("Framework-14", tooMany.errorCode());
        assertTrue(tooMany.errorMessage().contains("percentage"), tooMany.errorMessage());
        RunResult fine = run(job(newRunId(), "\"speed\":{\"channel\":2},\"errorLimit\":{\"percentage\":0.2}",
                ",\"tasks\":2,\"records\":100", ",\"dirtyEvery\":10"));
        assertTrue(fine.succeeded(), fine::toString);
        assertEquals(20, fine.errorRecords());
        // record wins over percentage, as in DataX
        RunResult recordWins = run(job(newRunId(),
                "\"speed\":{\"channel\":2},\"errorLimit\":{\"record\":100,\"percentage\":0.01}",
                ",\"tasks\":2,\"records\":100", ",\"dirtyEvery\":10"));
        assertTrue(recordWins.succeeded(), recordWins::toString);
    }

    @Test
    void readerDirtyRecordsCountAsReadAndErrorAndArePrinted() {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        RunOptions options = RunOptions.builder().progress(new PrintStream(progress, true, StandardCharsets.UTF_8))
                .build();
        RunResult result = new LocalRunner(options).runJson(job(newRunId(), "\"speed\":{\"channel\":1}",
                ",\"tasks\":1,\"records\":20,\"dirtyEvery\":5", ""));
        assertTrue(result.succeeded(), result::toString);
        assertEquals(20, result.readRecords());
        assertEquals(4, result.errorRecords());
        assertEquals(16, result.writeRecords());
        String text = progress.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("reader says dirty 5"), text);
        assertTrue(text.contains("Total records read"), text);
    }

    @Test
    void progressLinesShowRecordsTasksAndElapsed() {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        RunOptions options = RunOptions.builder().progress(new PrintStream(progress, true, StandardCharsets.UTF_8))
                .progressIntervalMillis(1).build();
        RunResult result = new LocalRunner(options).runJson(job(newRunId(), "\"speed\":{\"channel\":1}",
                ",\"tasks\":2,\"records\":3,\"sleepMillis\":150", ""));
        assertTrue(result.succeeded(), result::toString);
        String text = progress.toString(StandardCharsets.UTF_8);
        assertTrue(text.matches("(?s).*Total \\d+ records.*Tasks [0-2]/2 done \\| Elapsed .*"), text);
    }

    @Test
    void variablesAreSubstitutedAndUndefinedOnesStay() {
        String id = newRunId();
        String json = job(id, "\"speed\":{\"channel\":\"${ch}\"}", ",\"tasks\":1,\"records\":1,\"label\":\"$who\","
                + "\"other\":\"${notDefinedAnywhere}\"", "");
        RunResult result = new LocalRunner(RunOptions.builder().progress(null)
                .variables(Variables.parse("-Dch=4 -Dwho='a b'")).build()).runJson(json);
        assertTrue(result.succeeded(), result::toString);
        assertEquals(4, TestLog.of(id).facts.get("adviceNumber"));
        String peer = (String) TestLog.of(id).facts.get("writer.job.peerConf");
        assertTrue(peer.contains("\"label\":\"a b\""), peer);
        assertTrue(peer.contains("\"other\":\"${notDefinedAnywhere}\""), peer);
    }

    @Test
    void lifecycleRunsInDataxOrder() {
        String id = newRunId();
        RunResult result = run(job(id, "\"speed\":{\"channel\":2}", ",\"tasks\":3,\"records\":4", ""));
        assertTrue(result.succeeded(), result::toString);
        List<String> events = TestLog.of(id).events;
        List<String> jobEvents = events.stream().filter(e -> e.contains(".job.")).toList();
        assertEquals(List.of("reader.job.init", "writer.job.init", "reader.job.prepare", "writer.job.prepare",
                "reader.job.split", "writer.job.split", "writer.job.post", "reader.job.post", "writer.job.destroy",
                "reader.job.destroy"), jobEvents);
        int split = events.indexOf("writer.job.split");
        int post = events.indexOf("writer.job.post");
        for (int t = 0; t < 3; t++) {
            for (String side : new String[] {"reader", "writer"}) {
                String prefix = side + ".task[" + t + "].";
                List<String> task = events.stream().filter(e -> e.startsWith(prefix)).toList();
                String work = side.equals("reader") ? "startRead" : "startWrite";
                assertEquals(List.of(prefix + "init", prefix + "prepare", prefix + work, prefix + "post",
                        prefix + "destroy"), task);
                assertTrue(events.indexOf(prefix + "init") > split);
                assertTrue(events.indexOf(prefix + "destroy") < post);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, List<String>> messages = (Map<String, List<String>>) TestLog.of(id).facts.get("messages");
        assertEquals(Set.of("0", "1", "2"), new HashSet<>(messages.get("readerDone")));
    }

    @Test
    void peerConfigsAreSetAsDataxSetsThem() {
        String id = newRunId();
        RunResult result = run(job(id, "\"speed\":{\"channel\":1}", ",\"tasks\":1,\"records\":1,\"mark\":\"R\"",
                ",\"mark\":\"W\""));
        assertTrue(result.succeeded(), result::toString);
        Map<String, Object> facts = TestLog.of(id).facts;
        assertTrue(((String) facts.get("reader.job.peerConf")).contains("\"mark\":\"W\""));
        assertTrue(((String) facts.get("writer.job.peerConf")).contains("\"mark\":\"R\""));
        assertEquals("testreader", facts.get("writer.job.peerName"));
        // DataX's JobContainer never sets the reader Job's peer plugin name
        assertEquals("null", facts.get("reader.job.peerName"));
        assertEquals("testreader", facts.get("reader.job.pluginName"));
        assertEquals(true, facts.get("reader.job.collector"));
        assertEquals("null/null", facts.get("reader.task[0].peer"));
        assertEquals("0/0", facts.get("reader.task[0].ids"));
    }

    @Test
    void taskGroupsFollowCoreContainerTaskGroupChannel() {
        String id = newRunId();
        String json = job(id, "\"speed\":{\"channel\":4}", ",\"tasks\":8,\"records\":1", "")
                .replace("{\"job\"", "{\"core\":{\"container\":{\"taskGroup\":{\"channel\":2}}},\"job\"");
        RunResult result = run(json);
        assertTrue(result.succeeded(), result::toString);
        Set<String> groups = new HashSet<>();
        Set<String> taskIds = new HashSet<>();
        for (int t = 0; t < 8; t++) {
            String[] ids = ((String) TestLog.of(id).facts.get("reader.task[" + t + "].ids")).split("/");
            taskIds.add(ids[0]);
            groups.add(ids[1]);
            assertEquals(String.valueOf(t), ids[0]);
        }
        assertEquals(Set.of("0", "1"), groups);
        assertEquals(8, taskIds.size());
    }

    @Test
    void aFailingReaderTaskFailsTheJobStopsOthersAndSkipsPost() {
        String id = newRunId();
        // writer task 1 never reads, so its reader blocks on the full channel until the job stops it
        RunResult result = run(job(id, "\"speed\":{\"channel\":3}", ",\"tasks\":3,\"records\":5000,\"failTask\":0,"
                + "\"failAt\":3", ",\"stallTask\":1"));
        assertFalse(result.succeeded());
        assertEquals(1, result.exitCode());
        assertEquals("TestPlugin-07", result.errorCode());
        assertTrue(result.errorMessage().contains("task 0 failed at 3"), result.errorMessage());
        assertNotNull(result.failure());
        List<String> events = TestLog.of(id).events;
        assertFalse(events.contains("writer.job.post"));
        assertFalse(events.contains("reader.job.post"));
        assertTrue(events.contains("writer.job.destroy"));
        assertTrue(events.contains("reader.job.destroy"));
        for (String e : events) {
            if (e.endsWith(".init") && e.contains(".task[")) {
                assertTrue(events.contains(e.replace(".init", ".destroy")), "destroy after " + e);
            }
        }
    }

    @Test
    void aWriterRuntimeExceptionIsReportedAsPluginRuntimeError() {
        RunResult result = run(job(newRunId(), "\"speed\":{\"channel\":2}", ",\"tasks\":2,\"records\":10",
                ",\"failTask\":1"));
        assertEquals("Framework-13", result.errorCode());
        assertTrue(result.errorMessage().contains("writer task 1 broke"), result.errorMessage());
    }

    @Test
    void writerSplitCountMismatchFailsLikeDatax() {
        String id = newRunId();
        RunResult result = run(job(id, "\"speed\":{\"channel\":2}", ",\"tasks\":2", ",\"extraTasks\":1"));
        assertEquals("Framework-15", result.errorCode());
        assertTrue(result.errorMessage().contains("[2]") && result.errorMessage().contains("[3]"),
                result.errorMessage());
        List<String> events = TestLog.of(id).events;
        assertFalse(events.stream().anyMatch(e -> e.contains(".task[")));
        assertTrue(events.contains("reader.job.destroy"));
        assertFalse(events.contains("reader.job.post"));
    }

    @Test
    void unknownPluginIsAClearError() {
        RunResult result = run(job(newRunId(), "\"speed\":{\"channel\":1}", "", "").replace("testwriter",
                "nosuchwriter"));
        assertEquals("Framework-11", result.errorCode());
        assertTrue(result.errorMessage().contains("nosuchwriter"));
        assertTrue(result.errorMessage().contains("plugin/writer/nosuchwriter/plugin.json"));
    }

    @Test
    void pluginsAreFoundThroughClasspathPluginJson() {
        String id = newRunId();
        RunResult result = run(job(id, "\"speed\":{\"channel\":1}", ",\"tasks\":1,\"records\":3", "")
                .replace("\"testreader\"", "\"cpreader\""));
        assertTrue(result.succeeded(), result::toString);
        assertEquals("cpreader", TestLog.of(id).facts.get("reader.job.pluginName"));
        assertEquals(3, result.readRecords());
    }

    @Test
    void runReadsAJobFileAndReportsAMissingOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("job.json");
        Files.writeString(file, job(newRunId(), "\"speed\":{\"channel\":1}", ",\"tasks\":1,\"records\":2", ""));
        RunResult ok = new LocalRunner(RunOptions.quiet()).run(file);
        assertTrue(ok.succeeded(), ok::toString);
        assertEquals(2, ok.readRecords());
        RunResult missing = new LocalRunner(RunOptions.quiet()).run(dir.resolve("none.json"));
        assertEquals("Framework-03", missing.errorCode());
        assertNull(ok.errorCode());
    }

    @Test
    void invalidJsonIsAFailureNotAnException() {
        RunResult result = run("{\"job\":");
        assertFalse(result.succeeded());
        assertEquals("Common-00", result.errorCode());
    }

    @Test
    void repeatedKeysAndNullMembersAreRefusedBeforeAnyPluginRuns() {
        String id = newRunId();
        String json = job(id, "\"speed\":{\"channel\":1}", ",\"tasks\":1,\"records\":1,\"filters\":{\"a\":1},\"filters\":{\"b\":2}",
                ",\"nothing\":null");
        RunResult result = run(json);
        assertFalse(result.succeeded());
        assertEquals("Framework-03", result.errorCode());
        String m = result.errorMessage();
        assertTrue(m.contains("1. job.content[0].reader.parameter.filters: the key \"filters\" appears twice"), m);
        assertTrue(m.contains("2. job.content[0].writer.parameter.nothing: null is not a value"), m);
        assertNull(TestLog.of(id).facts.get("adviceNumber"), "the reader Job must not have run");
    }
}

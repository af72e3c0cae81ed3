package com.otsrange.cli;

import com.otsrange.runner.LocalRunner;
import com.otsrange.runner.RunOptions;
import com.otsrange.runner.RunResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same hostile job through `validate` and through a run (the local runner, as `bin/otsrange
 * run`): both refuse, and every problem validate lists, with its JSON path, is in the run's error
 * (plugin problems there without the `job.content[0].reader.` prefix the plugin does not know).
 */
class SameVerdictTest {
    @TempDir
    Path dir;

    static final String TASKS = "\"tasks\": {\"source\": \"inline\", \"definitions\": {\"d1\": [\"x\"]}}";

    String job(String readerExtra, String tasks) {
        return "{\"job\": {\"setting\": {\"speed\": {\"channel\": 1}}, \"content\": [{"
                + "\"reader\": {\"name\": \"otsrangereader\", \"parameter\": {\"endpoint\": \"http://127.0.0.1:1\","
                + " \"accessId\": \"id\", \"accessKey\": \"key\", \"instanceName\": \"inst\", \"table\": \"rp\", " + tasks
                + (readerExtra.isEmpty() ? "" : ", " + readerExtra) + "}},"
                + "\"writer\": {\"name\": \"csvyearwriter\", \"parameter\": {\"path\": \"" + dir.resolve("out") + "\"}}}]}}";
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"filters\": {\"ct\": {\"gte\": \"2024-01-01\", \"lt\": null}}",
        "\"filters\": {\"x\": null}",
        "\"filters\": {\"ct\": {\"gt\": null}}",
        "\"filters\": {\"x\": 1}, \"filters\": {\"x\": {\"gte\": 0}}",
        "\"filters\": {\"id\": {\"between\": [\"z\", \"a\"]}}",
        "\"filters\": {\"id\": {\"gt\": \"m\", \"lt\": \"a\"}}",
        "\"filters\": {\"p34:1\": 1}, \"appendColumns\": [\"ct\", \"a b\"]",
        "\"endpoint\": \"https://admin:hunter2@x.example/ots\"",
        "\"endpoint\": \"https://x.example?a=1\"",
        "\"changes\": \"stream\"",
        "\"resume\": true, \"changes\": {\"lookback\": \"P3D\"}",
        "\"changes\": {\"lookback\": \"3 days\"}",
        "\"changes\": \"Stream\"",
    })
    void validateAndRunRefuseWithTheSameProblems(String readerExtra) throws Exception {
        String text = job(readerExtra, TASKS);
        if (readerExtra.startsWith("\"endpoint\"")) {
            text = text.replace("\"endpoint\": \"http://127.0.0.1:1\",", "");
        }
        check(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"d1\": {\"columns\": [\"x\"], \"filters\": {\"x\": {\"gt\": null}}}}",
        "{\"d1\": [\"x\"], \"d1\": [\"z\"]}",
        "{\"d1\": {\"columns\": [\"x\"], \"filters\": {\"x\": {\"between\": [\"b\", \"a\"]}}}}",
    })
    void inlineTaskDefinitionsToo(String definitions) throws Exception {
        check(job("", "\"tasks\": {\"source\": \"inline\", \"definitions\": " + definitions + "}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"d1\": {\"columns\": [\"x\"], \"filters\": {\"ct\": {\"gte\": \"2024-01-01\", \"lt\": null}}}}",
        "{\"d1\": {\"columns\": [\"x\"], \"columns\": [\"z\"]}}",
        "{\"d1\": [\"p34:1\"], \"d2\": [\"p34:1\"]}",
        "{\"d1\": {\"columns\": [\"x\"], \"filters\": {\"x\": {\"gt\": 1e400}}}}",
    })
    void andTaskFilesTheReaderReadsItself(String content) throws Exception {
        Path tasks = dir.resolve("tasks.json");
        Files.write(tasks, content.getBytes(StandardCharsets.UTF_8));
        check(job("", "\"tasks\": {\"source\": \"file\", \"path\": \"" + tasks + "\"}"));
    }

    @org.junit.jupiter.api.Test
    void anEndpointFilledInAtRunTimeIsListedWithoutItsUserInfo() throws Exception {
        Path file = dir.resolve("job.json");
        Files.write(file, job("", TASKS).replace("http://127.0.0.1:1", "https://admin:hunter2@${host}")
                .getBytes(StandardCharsets.UTF_8));
        CliHarness validate = ValidateCommandTest.validate(dir, file.toString());
        assertTrue(validate.out.contains("parameter.endpoint = \"https://***@${host}\""), validate.out);
        assertFalse(validate.out.contains("hunter2"), validate.out);
    }

    void check(String text) throws Exception {
        Path file = dir.resolve("job.json");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        // both resolve relative paths (and show task files) against the process's working directory
        Path cwd = Paths.get("").toAbsolutePath();
        CliHarness validate = ValidateCommandTest.validate(cwd, file.toString());
        RunResult run = new LocalRunner(RunOptions.quiet()).run(file);

        assertEquals(Command.FAILED, validate.status, validate.toString());
        assertFalse(run.succeeded(), "the run must refuse: " + validate.out);
        List<String> problems = problems(validate.out);
        List<String> runProblems = problems(run.errorMessage());
        assertFalse(problems.isEmpty(), validate.out);
        String message = run.errorMessage();
        assertEquals(problems.size(), runProblems.size(), validate.out + "\n---\n" + message);
        for (String problem : problems) {
            String plugin = problem.replaceFirst("^job\\.content\\[0\\]\\.(reader|writer)\\.", "");
            assertTrue(runProblems.contains(problem) || runProblems.contains(plugin), "run lacks [" + problem + "]:\n" + message);
        }
        assertFalse(message.contains("hunter2") || validate.out.contains("hunter2"), "user-info echoed");
        assertFalse(Files.exists(dir.resolve("out")), "nothing may be written");
    }

    /** The numbered problem lines of validate's output or of a run's error, without the numbers. */
    static List<String> problems(String out) {
        List<String> found = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.matches("\\s+\\d+\\. .*")) {
                found.add(line.trim().replaceFirst("^\\d+\\. ", ""));
            }
        }
        return found;
    }
}

package com.otsrange.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `-p` of run, plan and validate: one parser, and a word that is not -Dname=value is a usage error. */
class JobArgumentsTest {

    private static final String[][] BAD = {
        // -p text, what the message must name
        {"garbage", "\"garbage\" is not of the form -Dname=value"},
        {"-Dshard", "\"-Dshard\" has no value; expected -Dshard=value"},
        {"-DoutputDir=/tmp/x -Xmx2g", "\"-Xmx2g\" is not of the form -Dname=value"},
    };

    @Test
    void validateAndPlanRefuseBadWordsWithExitTwo() {
        for (String command : new String[] {"validate", "plan"}) {
            for (String[] bad : BAD) {
                CliHarness run = CliHarness.run(ValidateCommandTest.ROOT, command, "job/demo.json", "-p", bad[0]);
                assertEquals(Command.USAGE, run.status, command + " -p " + bad[0] + "\n" + run);
                assertTrue(run.err.contains(bad[1]), command + " -p " + bad[0] + "\n" + run);
                assertEquals("", run.out, "nothing checked or planned with half the variables\n" + run);
            }
        }
    }

    @Test
    void runRefusesBadWordsWithExitTwo() throws Exception {
        PrintStream saved = System.err;
        for (String[] bad : BAD) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status;
            try (PrintStream capture = new PrintStream(err, true, "UTF-8")) {
                System.setErr(capture);
                status = CliHarness.run(ValidateCommandTest.ROOT, "run", "job/demo.json", "-p", bad[0]).status;
            } finally {
                System.setErr(saved);
            }
            String text = new String(err.toByteArray(), StandardCharsets.UTF_8);
            assertEquals(Command.USAGE, status, "run -p " + bad[0] + "\n" + text);
            assertTrue(text.contains(bad[1]), "run -p " + bad[0] + "\n" + text);
        }
    }

    @Test
    void wellFormedWordsStillParse() {
        JobArguments arguments = JobArguments.parse(java.util.Arrays.asList("job.json", "-p", "-Da=1 -Dempty= -Db='x y'"));
        assertEquals("1", arguments.variables().values().get("a"));
        assertEquals("", arguments.variables().values().get("empty"));
        assertEquals("x y", arguments.variables().values().get("b"));
    }
}

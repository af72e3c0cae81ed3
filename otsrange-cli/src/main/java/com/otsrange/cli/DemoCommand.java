package com.otsrange.cli;

import com.otsrange.emulator.DemoData;
import com.otsrange.emulator.OtsEmulator;
import com.otsrange.runner.LocalRunner;
import com.otsrange.runner.RunOptions;
import com.otsrange.runner.RunResult;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * `demo [--output DIR]`: an embedded emulator with the demo table, job/demo.json through the
 * local runner, then where the files are and what they hold. Needs no account and no network.
 */
final class DemoCommand implements Command {

    static final String DEFAULT_OUTPUT = "otsrange-demo-output";
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String INSTANCE = "demo";
    private static final String ACCESS_ID = "demo-access-id";
    // the emulator's own throwaway credential, not a secret of anyone
    private static final String ACCESS_KEY = "demo-access-key";

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "export generated sensor data from an embedded emulator into ./" + DEFAULT_OUTPUT;
    }

    @Override
    public String usage() {
        return "usage: bin/otsrange demo [--output DIR]\n"
                + "  Starts an embedded TableStore emulator on a free 127.0.0.1 port with the demo table\n"
                + "  sensor_data (the 3 devices of job/tasks/device_mappings.json, 2024-2026, dim 0 and 1),\n"
                + "  runs job/demo.json through the local runner and prints where the files are.\n"
                + "  Output: ./" + DEFAULT_OUTPUT + " in the current directory\n"
                + "  unless --output says otherwise. Files of a previous demo run there are replaced; other\n"
                + "  files are left alone, and only what this run exported is counted and listed.\n";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Options options = Options.parse(args, new HashSet<>(Collections.singletonList("output")), Collections.<String>emptySet());
        if (!options.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + options.positional().get(0));
        }
        // the demo shows the runner's progress and summary; per-task INFO lines would bury them
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "warn");
        }
        Path output = console.resolve(options.has("output") ? options.get("output") : DEFAULT_OUTPUT);
        DemoJob job = DemoJob.locate();

        Map<Path, List<Object>> before = OutputSummary.snapshot(output);
        long started = System.nanoTime();
        try (OtsEmulator emulator = OtsEmulator.builder().port(0).instanceName(INSTANCE)
                .accessKeyId(ACCESS_ID).accessKeySecret(ACCESS_KEY).demo(true).build().start()) {
            console.out().printf(Locale.ROOT, "emulator: %s, instance %s, table %s (%,d rows: %d devices, %s..%s, dim 0 and 1)%n",
                    emulator.endpoint(), INSTANCE, DemoData.TABLE, DemoData.rowCount(), DemoData.DEVICES,
                    DemoData.FIRST_DAY, DemoData.LAST_DAY);
            console.out().println("job: " + job.origin());
            console.out().flush();

            Map<String, String> variables = new LinkedHashMap<>();
            variables.put("endpoint", emulator.endpoint());
            variables.put("instanceName", INSTANCE);
            variables.put("accessId", ACCESS_ID);
            variables.put("accessKey", ACCESS_KEY);
            variables.put("outputDir", output.toString());
            RunResult result = new LocalRunner(RunOptions.builder().variables(variables).progress(console.err()).build())
                    .runJson(job.text());
            if (!result.succeeded()) {
                console.err().println("demo: the export failed: " + result.errorCode() + ": " + result.errorMessage());
                return FAILED;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        OutputSummary summary = OutputSummary.writtenSince(output, before, true);
        console.out().printf(Locale.ROOT, "%nexported %d files, %,d rows, %,d bytes in %.1f s%n",
                summary.files().size(), summary.rows(), summary.bytes(), seconds);
        console.out().println("output: " + output);
        for (Path file : summary.files()) {
            console.out().println("  " + output.relativize(file));
        }
        if (summary.others() > 0) {
            console.out().println("  (and " + summary.others() + " other file(s) that were there before: not from this run, "
                    + "left as they were, not counted)");
        }
        console.out().println("bookkeeping (checkpoint, manifest): " + output.resolve(".otsrange"));
        console.out().println("next: look at the job (" + job.origin() + "), then run job/export.json against "
                + "`bin/otsrange emulator ... --demo` (README: \"Your first DataX run\")");
        return 0;
    }
}

package com.otsrange.runner;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code run JOB.json [-p "-Dname=value ..."]}: progress and summary on stderr; the exit code. */
public final class RunnerMain {

    private static final String USAGE = "usage: run JOB.json [-p \"-Dname=value -Dother=value\"]";

    private RunnerMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** 0 when the job succeeded, 1 when it failed (the error goes to stderr), 2 for bad arguments. */
    public static int run(String[] args) {
        PrintStream err = System.err;
        String job = null;
        Map<String, String> variables = new LinkedHashMap<>();
        int i = 0;
        if (args.length > 0 && "run".equals(args[0])) {
            i = 1;
        }
        try {
            for (; i < args.length; i++) {
                String arg = args[i];
                if ("-p".equals(arg) || "--params".equals(arg)) {
                    if (i + 1 >= args.length) {
                        err.println("-p needs a value. " + USAGE);
                        return 2;
                    }
                    variables.putAll(Variables.parse(args[++i]));
                } else if (arg.startsWith("-p") && arg.length() > 2) {
                    variables.putAll(Variables.parse(arg.substring(2)));
                } else if (job == null && !arg.startsWith("-")) {
                    job = arg;
                } else {
                    err.println("Unexpected argument [" + arg + "]. " + USAGE);
                    return 2;
                }
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (job == null) {
            err.println(USAGE);
            return 2;
        }
        RunResult result = new LocalRunner(RunOptions.builder().variables(variables).build()).run(Path.of(job));
        if (!result.succeeded()) {
            err.println(result.errorCode() + ": " + result.errorMessage());
        }
        return result.exitCode();
    }
}

package com.otsrange.cli;

import java.util.List;

/** `JOB.json [-p "-Dname=value ..."]`, shared by run-like commands. */
final class JobArguments {

    private final String jobPath;
    private final String variableSpec;
    private final JobVariables variables;

    private JobArguments(String jobPath, String variableSpec) {
        this.jobPath = jobPath;
        this.variableSpec = variableSpec;
        this.variables = variableSpec == null ? JobVariables.none() : JobVariables.parse(variableSpec);
    }

    static JobArguments parse(List<String> args) {
        String job = null;
        String spec = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-p") || arg.equals("--params")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("-p needs a value: -p \"-Dname=value ...\"");
                }
                spec = spec == null ? args.get(++i) : spec + " " + args.get(++i);
            } else if (arg.startsWith("-p") && arg.length() > 2) {
                // as datax.py and the runner accept: -p"-Dname=value"
                spec = spec == null ? arg.substring(2) : spec + " " + arg.substring(2);
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                throw new UsageException("unknown option " + arg);
            } else if (job == null) {
                job = arg;
            } else {
                throw new UsageException("only one job file, got " + job + " and " + arg);
            }
        }
        if (job == null) {
            throw new UsageException("the job file is missing");
        }
        return new JobArguments(job, spec);
    }

    String jobPath() {
        return jobPath;
    }

    /** The raw -p text, or null. */
    String variableSpec() {
        return variableSpec;
    }

    JobVariables variables() {
        return variables;
    }
}

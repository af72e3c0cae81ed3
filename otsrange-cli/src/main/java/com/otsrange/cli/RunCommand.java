package com.otsrange.cli;

import com.otsrange.runner.RunnerMain;

import java.util.List;

/** `run JOB.json [-p "-Dname=value ..."]`: the local runner, as datax.py would run the job. */
final class RunCommand implements Command {

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "run a DataX job file in-process with the local runner";
    }

    @Override
    public String usage() {
        return "usage: bin/otsrange run JOB.json [-p \"-Dname=value ...\"]\n"
                + "  Runs the job with the local DataX-compatible runner: ${name} in the job is replaced as\n"
                + "  datax.py -p does, progress goes to stderr every few seconds, a summary at the end.\n"
                + "  Relative paths in the job resolve against the current directory. Exit 0 on success.\n";
    }

    @Override
    public int run(List<String> args, Console console) {
        return RunnerMain.run(args.toArray(new String[0]));
    }
}

package com.otsrange.cli;

import java.util.List;

/** One `bin/otsrange` subcommand. */
interface Command {

    /** Exit status for a usage error (bad arguments), as most Unix tools do. */
    int USAGE = 2;

    /** Exit status for a failure the command reports itself. */
    int FAILED = 1;

    String name();

    /** One line for the command list. */
    String summary();

    /** Full usage text printed for `--help` and on usage errors. */
    String usage();

    int run(List<String> args, Console console) throws Exception;
}

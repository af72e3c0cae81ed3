package com.otsrange.cli;

import com.otsrange.emulator.Peek;

import java.util.List;

/** `peek --endpoint URL ...`: print a few rows of a table through the SDK (the emulator's one-liner). */
final class PeekCommand implements Command {

    @Override
    public String name() {
        return "peek";
    }

    @Override
    public String summary() {
        return "print the first rows of a table (e.g. of a running emulator)";
    }

    @Override
    public String usage() {
        return "usage: bin/otsrange peek --endpoint URL --instance NAME --access-id ID --access-key KEY\n"
                + "                        [--table T] [--limit N]\n"
                + "  One line per row, primary key first; default table sensor_data, 10 rows.\n";
    }

    @Override
    public int run(List<String> args, Console console) {
        return Peek.run(args.toArray(new String[0]), console.out(), console.err());
    }
}

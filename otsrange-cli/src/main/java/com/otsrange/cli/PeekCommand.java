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
        return "print the first rows of a table, or the latest records of its Stream (e.g. of a running emulator)";
    }

    @Override
    public String usage() {
        return "usage: bin/otsrange peek --endpoint URL --instance NAME --access-id ID --access-key KEY\n"
                + "                        [--table T] [--limit N] [--stream]\n"
                + "  One line per row, primary key first; default table sensor_data, 10 rows.\n"
                + "  --stream  the latest N records of the table's Stream instead, oldest first: commit time, shard,\n"
                + "            epoch:timestamp:row, type, primary key, columns (name=value@version,\n"
                + "            name:DELETE_ONE_VERSION@version, name:DELETE_ALL_VERSION)\n";
    }

    @Override
    public int run(List<String> args, Console console) {
        return Peek.run(args.toArray(new String[0]), console.out(), console.err());
    }
}

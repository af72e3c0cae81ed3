package com.otsrange.cli;

import com.otsrange.emulator.EmulatorMain;

import java.util.List;

/** `emulator --port P ...`: the TableStore emulator in the foreground until SIGTERM/SIGINT. */
final class EmulatorCommand implements Command {

    @Override
    public String name() {
        return "emulator";
    }

    @Override
    public String summary() {
        return "run the TableStore emulator on 127.0.0.1 until stopped";
    }

    @Override
    public String usage() {
        return "usage: bin/otsrange emulator --port P --instance NAME --access-id ID --access-key KEY\n"
                + "                            [--faults SPEC] [--data DIR] [--demo] [--disable ACTIONS]\n"
                + "                            [--stream-shards N] [--stream-hour-ms MS] [--stream-clock-offset-ms MS]\n"
                + "  Prints \"listening on http://127.0.0.1:P\" once it accepts requests; stops on SIGTERM/SIGINT.\n"
                + "  --demo      load the demo table sensor_data\n"
                + "  --data DIR  keep tables (and their Streams) in DIR across restarts\n"
                + "  --faults    e.g. busy=0.1,timeout=0.05,throttle=0.05,reset=0.02,slow=0.05,seed=7 (see README.md)\n"
                + "  --disable   e.g. BulkExport: answer it as unsupported (tests the reader's GetRange fallback)\n"
                + "  --stream-shards N            shards of a newly enabled table Stream (default 1)\n"
                + "  --stream-hour-ms MS          test aid: one hour of a Stream's expiration lasts MS ms\n"
                + "  --stream-clock-offset-ms MS  test aid: Stream record times = wall clock + MS (may be negative)\n";
    }

    @Override
    public int run(List<String> args, Console console) {
        return EmulatorMain.run(args.toArray(new String[0]));
    }
}

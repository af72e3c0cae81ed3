package com.otsrange.emulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code --port P --instance NAME --access-id ID --access-key KEY [--faults SPEC] [--data DIR] [--demo]}:
 * runs the emulator on 127.0.0.1:P until SIGTERM/SIGINT, then prints the request counters.
 */
public final class EmulatorMain {
    static final String USAGE = "usage: emulator --port P --instance NAME --access-id ID --access-key KEY"
        + " [--faults SPEC] [--data DIR] [--demo] [--disable ACTIONS]\n"
        + "                [--stream-shards N] [--stream-hour-ms MS] [--stream-clock-offset-ms MS]\n"
        + "  --port P        TCP port on 127.0.0.1 (0 = any free port)\n"
        + "  --faults SPEC   e.g. busy=0.1,timeout=0.05,throttle=0.05,reset=0.02,slow=0.05,slowMs=2000,seed=7,actions=GetRange+DescribeTable\n"
        + "  --data DIR      keep tables (and their streams) in DIR across restarts\n"
        + "  --demo          create the sensor_data demo table\n"
        + "  --disable A+B   answer these actions as unsupported, e.g. BulkExport (clients' fallback)\n"
        + "  --stream-shards N            shards of a newly enabled stream, 1.." + StreamSetup.MAX_SHARDS + " (default 1)\n"
        + "  --stream-hour-ms MS          test aid: one hour of a stream's expiration lasts MS ms (default 3600000)\n"
        + "  --stream-clock-offset-ms MS  test aid: stream record timestamps = wall clock + MS (may be negative)";

    /** About 100 years: far enough for any test, near enough to keep microsecond timestamps in range. */
    private static final long MAX_OFFSET_MS = 100L * 365 * 86_400_000L;

    private EmulatorMain() {
    }

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) System.exit(code);
    }

    /** Runs until the JVM is asked to stop; returns non-zero (2) on usage errors, 1 if it cannot start. */
    public static int run(String[] args) {
        return run(args, System.out, System.err, true);
    }

    static int run(String[] args, PrintStream out, PrintStream err, boolean waitForSignal) {
        Integer port = null;
        String instance = null;
        String id = null;
        String key = null;
        String faults = null;
        Path data = null;
        boolean demo = false;
        Set<String> disabled = new LinkedHashSet<>();
        OtsEmulator.Builder builder = OtsEmulator.builder();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--port":
                        port = parsePort(value(args, ++i, a));
                        break;
                    case "--instance":
                        instance = value(args, ++i, a);
                        break;
                    case "--access-id":
                        id = value(args, ++i, a);
                        break;
                    case "--access-key":
                        key = value(args, ++i, a);
                        break;
                    case "--faults":
                        faults = value(args, ++i, a);
                        break;
                    case "--data":
                        data = Paths.get(value(args, ++i, a));
                        break;
                    case "--demo":
                        demo = true;
                        break;
                    case "--disable":
                        for (String action : value(args, ++i, a).split("[+,]")) {
                            if (!action.trim().isEmpty()) disabled.add(action.trim());
                        }
                        break;
                    case "--stream-shards":
                        builder.streamShards((int) number(value(args, ++i, a), a, 1, StreamSetup.MAX_SHARDS));
                        break;
                    case "--stream-hour-ms":
                        builder.streamHourMs(number(value(args, ++i, a), a, 1, Long.MAX_VALUE / 1_000_000));
                        break;
                    case "--stream-clock-offset-ms":
                        builder.streamClockOffset(java.time.Duration.ofMillis(number(value(args, ++i, a), a, -MAX_OFFSET_MS, MAX_OFFSET_MS)));
                        break;
                    case "-h": case "--help":
                        out.println(USAGE);
                        return 0;
                    default:
                        throw new IllegalArgumentException("unknown option '" + a + "'");
                }
            }
            if (port == null) throw new IllegalArgumentException("--port is required");
            if (instance == null) throw new IllegalArgumentException("--instance is required");
            if (id == null) throw new IllegalArgumentException("--access-id is required");
            if (key == null) throw new IllegalArgumentException("--access-key is required");
            if (!Names.valid(instance.replace('-', '_'))) throw new IllegalArgumentException("--instance: invalid instance name '" + instance + "'");
        } catch (IllegalArgumentException e) {
            err.println("emulator: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        FaultSpec spec;
        try {
            spec = FaultSpec.parse(faults);
        } catch (IllegalArgumentException e) {
            err.println("emulator: --faults: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        OtsEmulator emu = builder.port(port).instanceName(instance).accessKeyId(id).accessKeySecret(key)
            .faults(spec).dataDir(data).demo(demo).disabledActions(disabled).build();
        long t0 = System.nanoTime();
        try {
            emu.start();
        } catch (java.io.IOException | RuntimeException e) {
            err.println("emulator: cannot start on 127.0.0.1:" + port + ": " + e.getMessage());
            emu.close();
            return 1;
        }
        StringBuilder line = new StringBuilder("ots-emulator: listening on ").append(emu.endpoint())
            .append(" (instance ").append(instance).append(", access id ").append(id);
        if (!spec.isNone()) line.append(", faults ").append(spec);
        if (data != null) line.append(", data ").append(data.toAbsolutePath());
        if (demo) line.append(", demo table ").append(DemoData.TABLE);
        if (!disabled.isEmpty()) line.append(", disabled ").append(String.join("+", disabled));
        line.append(streamSummary(emu));
        line.append(", ready in ").append((System.nanoTime() - t0) / 1_000_000).append(" ms)");
        out.println(line);
        out.flush();
        if (!waitForSignal) {
            emu.close();
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emu.close();
            out.println("ots-emulator: stopped; " + emu.stats());
            out.flush();
            stopped.countDown();
        }, "ots-emulator-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The stream settings that differ from the service's, for the start line. */
    private static String streamSummary(OtsEmulator emu) {
        StringBuilder b = new StringBuilder();
        if (emu.streamShards() != 1) b.append(", ").append(emu.streamShards()).append(" shards per stream");
        if (emu.streamHourMs() != StreamClock.REAL_HOUR_MS) b.append(", stream hour = ").append(emu.streamHourMs()).append(" ms");
        if (!emu.streamClockOffset().isZero()) b.append(", stream clock offset ").append(emu.streamClockOffset().toMillis()).append(" ms");
        return b.toString();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static long number(String v, String option, long min, long max) {
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a whole number in " + min + ".." + max + ", got '" + v + "'");
    }

    private static int parsePort(String v) {
        try {
            int p = Integer.parseInt(v);
            if (p < 0 || p > 65535) throw new NumberFormatException();
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number 0..65535, got '" + v + "'");
        }
    }
}

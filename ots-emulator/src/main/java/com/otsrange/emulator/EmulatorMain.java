package com.otsrange.emulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;

/**
 * {@code --port P --instance NAME --access-id ID --access-key KEY [--faults SPEC] [--data DIR] [--demo]}:
 * runs the emulator on 127.0.0.1:P until SIGTERM/SIGINT, then prints the request counters.
 */
public final class EmulatorMain {
    static final String USAGE = "usage: emulator --port P --instance NAME --access-id ID --access-key KEY"
        + " [--faults SPEC] [--data DIR] [--demo] [--disable ACTIONS]\n"
        + "  --port P        TCP port on 127.0.0.1 (0 = any free port)\n"
        + "  --faults SPEC   e.g. busy=0.1,timeout=0.05,throttle=0.05,reset=0.02,slow=0.05,slowMs=2000,seed=7,actions=GetRange+DescribeTable\n"
        + "  --data DIR      keep tables in DIR across restarts\n"
        + "  --demo          create the sensor_data demo table\n"
        + "  --disable A+B   answer these actions as unsupported, e.g. BulkExport (clients' fallback)";

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
        java.util.Set<String> disabled = new java.util.LinkedHashSet<>();
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
        OtsEmulator emu = OtsEmulator.builder().port(port).instanceName(instance).accessKeyId(id).accessKeySecret(key)
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

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
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

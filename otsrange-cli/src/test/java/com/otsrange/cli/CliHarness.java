package com.otsrange.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs `bin/otsrange` in-process with captured stdout/stderr and a chosen working directory. */
final class CliHarness {

    final int status;
    final String out;
    final String err;

    private CliHarness(int status, String out, String err) {
        this.status = status;
        this.out = out;
        this.err = err;
    }

    static CliHarness run(Path workingDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, "UTF-8"); PrintStream e = new PrintStream(err, true, "UTF-8")) {
            status = Main.standard().run(args, new Console(o, e, workingDir));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new AssertionError(e);
        }
        return new CliHarness(status, new String(out.toByteArray(), StandardCharsets.UTF_8),
                new String(err.toByteArray(), StandardCharsets.UTF_8));
    }

    static CliHarness of(int status, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return new CliHarness(status, new String(out.toByteArray(), StandardCharsets.UTF_8),
                new String(err.toByteArray(), StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "status " + status + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}

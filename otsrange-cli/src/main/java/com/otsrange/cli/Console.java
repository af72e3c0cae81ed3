package com.otsrange.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where a command writes and what it resolves relative paths against. Injected so tests can
 * capture output and use a temporary working directory without touching the JVM's own.
 */
final class Console {

    private final PrintStream out;
    private final PrintStream err;
    private final Path workingDir;

    Console(PrintStream out, PrintStream err, Path workingDir) {
        this.out = out;
        this.err = err;
        this.workingDir = workingDir.toAbsolutePath().normalize();
    }

    static Console system() {
        return new Console(System.out, System.err, Paths.get("").toAbsolutePath());
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    Path workingDir() {
        return workingDir;
    }

    Path resolve(String path) {
        return workingDir.resolve(path).normalize();
    }
}

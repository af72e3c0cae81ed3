package com.otsrange.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds job/demo.json: in the checkout bin/otsrange runs from (system property otsrange.home),
 * else the copy packaged into the jar at build time.
 */
final class DemoJob {

    static final String RESOURCE = "/otsrange/job/demo.json";

    private final String text;
    private final String origin;

    private DemoJob(String text, String origin) {
        this.text = text;
        this.origin = origin;
    }

    static DemoJob locate() throws IOException {
        String home = System.getProperty("otsrange.home");
        if (home != null && !home.isEmpty()) {
            Path file = Paths.get(home, "job", "demo.json");
            if (Files.isRegularFile(file)) {
                return new DemoJob(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), file.toString());
            }
        }
        try (InputStream in = DemoJob.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("job/demo.json is neither in the checkout (otsrange.home) nor in the jar");
            }
            return new DemoJob(new String(in.readAllBytes(), StandardCharsets.UTF_8), "job/demo.json (copy inside otsrange.jar)");
        }
    }

    String text() {
        return text;
    }

    String origin() {
        return origin;
    }
}

package com.otsrange.writer.state;

import com.otsrange.writer.error.WriterErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.fastjson.JSON;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The units a resumed run found committed when it started. The Job writes them once into the
 * run's tmp dir (task configs stay small however long the checkpoint is); each task loads them
 * once, cheaply (no checkpoint parsing, no hashing of final files), to refuse a record of such a
 * unit: the reader must have skipped it, and writing it again would duplicate rows in append mode.
 */
public final class CommittedBeforeRun {
    static final String FILE = "committed-before-run.json";
    /** Task parameter key: how many unit ids the file holds (so a missing or torn file is noticed). */
    public static final String COUNT_KEY = "otsrangeCommittedBeforeRun";

    private CommittedBeforeRun() {
    }

    public static void write(Path tmpDir, Set<String> units) throws IOException {
        write(tmpDir, FILE, units);
    }

    /** The same for another set of unit ids, in file {@code name} of the run's tmp dir. */
    public static void write(Path tmpDir, String name, Set<String> units) throws IOException {
        Path f = tmpDir.resolve(name);
        if (units.isEmpty()) {
            Files.deleteIfExists(f);
            return;
        }
        Files.write(f, JSON.toJSONString(new ArrayList<>(new TreeSet<>(units))).getBytes(StandardCharsets.UTF_8));
    }

    public static Set<String> load(Path tmpDir, int expected) {
        return load(tmpDir, FILE, expected);
    }

    public static Set<String> load(Path tmpDir, String name, int expected) {
        if (expected <= 0) {
            return Collections.emptySet();
        }
        Path f = tmpDir.resolve(name);
        List<String> ids;
        try {
            ids = JSON.parseArray(new String(Files.readAllBytes(f), StandardCharsets.UTF_8), String.class);
        } catch (IOException | RuntimeException e) {
            throw new DataXException(WriterErrorCode.WRITE_FAILED, "cannot read the units committed before this run from " + f
                    + " (written by the writer Job's prepare; was the state dir changed during the run?): " + e);
        }
        Set<String> out = new HashSet<>(ids == null ? Collections.<String>emptyList() : ids);
        if (out.size() != expected) {
            throw new DataXException(WriterErrorCode.WRITE_FAILED, f + " lists " + out.size() + " units, the writer Job recorded "
                    + expected + " (was the state dir changed during the run?)");
        }
        return Collections.unmodifiableSet(out);
    }
}

package com.otsrange.writer;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generic mode, Job.post(): joins the parts every task wrote for the same final file, in task
 * order, under one header, and commits each file atomically.
 */
final class PartJoiner {
    private final WriterSpec spec;
    private final Committer committer;
    private final CsvRowFormatter formatter;

    PartJoiner(WriterSpec spec, Committer committer) {
        this.spec = spec;
        this.committer = committer;
        this.formatter = new CsvRowFormatter(spec);
    }

    private static final class Piece {
        final Path file;
        final long rows;

        Piece(Path file, long rows) {
            this.file = file;
            this.rows = rows;
        }
    }

    /** Returns the number of files committed. */
    int joinAll() throws IOException {
        Path root = spec.tmpDir().resolve(GenericSink.PARTS);
        if (!Files.isDirectory(root)) {
            return 0;
        }
        List<Path> taskDirs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, "task-*")) {
            for (Path p : ds) {
                taskDirs.add(p);
            }
        }
        Collections.sort(taskDirs); // zero-padded task index: name order is task order
        Map<String, List<Piece>> byFile = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (Path dir : taskDirs) {
            Path index = dir.resolve(GenericSink.INDEX);
            if (!Files.isRegularFile(index)) {
                continue;
            }
            List<JSONObject> entries = JSON.parseArray(new String(Files.readAllBytes(index), StandardCharsets.UTF_8), JSONObject.class);
            for (JSONObject e : entries) {
                String file = e.getString("file");
                units.put(file, e.getString("unit"));
                List<Piece> l = byFile.get(file);
                if (l == null) {
                    l = new ArrayList<>();
                    byFile.put(file, l);
                }
                l.add(new Piece(dir.resolve(e.getString("part")), e.getLongValue("rows")));
            }
        }
        int seq = 0;
        for (Map.Entry<String, List<Piece>> e : byFile.entrySet()) {
            String name = e.getKey();
            TempCsvFile out = TempCsvFile.create(spec.tmpDir().resolve("join-" + (seq++) + ".tmp"), spec, spec.path().resolve(name));
            TempCsvFile.Done done;
            try {
                if (out.needsHeader()) {
                    formatter.header(spec.columnNames(), out.out());
                }
                for (Piece p : e.getValue()) {
                    out.appendEncoded(p.file);
                    out.addRows(p.rows);
                }
                done = out.finish();
            } catch (IOException | RuntimeException ex) {
                out.abort();
                throw ex;
            }
            committer.commit(units.get(name), name, done);
        }
        return byFile.size();
    }
}

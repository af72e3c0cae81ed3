package com.otsrange.writer.commit;

import com.otsrange.writer.encoding.CsvOutput;
import com.otsrange.writer.file.AppendHeader;
import com.otsrange.writer.file.TempCsvFile;
import com.otsrange.writer.spec.WriterSpec;
import com.otsrange.writer.config.WriteMode;
import com.otsrange.writer.config.Compress;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generic mode, Job.post(): the parts every task wrote for the same final file ({@code GenericSink}),
 * joined in task order under one header ({@link FileJoiner}) and committed atomically.
 */
public final class TaskParts {
    /** The folder under the run's tmp/ holding each task's parts ({@code task-NNNNNN/}). */
    public static final String PARTS = "parts";
    /** Each task folder's list of its parts: file, unit, part, rows, bytes, headerBytes, sha256. */
    public static final String INDEX = "index.json";

    private final WriterSpec spec;
    private final Committer committer;
    private final FileJoiner joiner;
    /** What each part starts with before its header (a byte order mark or nothing). */
    private final byte[] start;

    public TaskParts(WriterSpec spec, Committer committer) {
        this.spec = spec;
        this.committer = committer;
        this.joiner = new FileJoiner(spec, committer);
        this.start = CsvOutput.start(spec.encoding(), spec.lineSeparator());
    }

    /** A task's part of a file: its own byte order mark and header are left out of the join. */
    private static final class Piece implements FileJoiner.Piece {
        final Path file;
        final long rows;
        final long bytes;
        final long headerBytes;
        final String sha256;

        Piece(Path file, JSONObject e) {
            this.file = file;
            this.rows = e.getLongValue("rows");
            this.bytes = e.getLongValue("bytes");
            this.headerBytes = e.getLongValue("headerBytes");
            this.sha256 = e.getString("sha256");
        }

        @Override
        public void copyInto(TempCsvFile out) throws IOException {
            out.copyFrom(file, headerBytes);
        }

        @Override
        public long rows() {
            return rows;
        }
    }

    /**
     * A single part can become the final file as it is when nothing has to be added or changed:
     * no compression, no existing file to append to, and it starts with the header exactly when
     * the file must.
     */
    private boolean renamable(Piece p) {
        return spec.compress() == Compress.NONE && spec.writeMode() != WriteMode.APPEND
                && p.sha256 != null && (p.headerBytes > start.length) == spec.header();
    }

    /** Returns the number of files committed. */
    public int joinAll() throws IOException {
        Path root = spec.tmpDir().resolve(PARTS);
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
            Path index = dir.resolve(INDEX);
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
                l.add(new Piece(dir.resolve(e.getString("part")), e));
            }
        }
        AppendHeader appendHeader = new AppendHeader(spec);
        for (String name : byFile.keySet()) {
            // every file first: a refused header leaves all of them untouched, not only this one
            appendHeader.check(name, spec.generic().columnNames());
        }
        int seq = 0;
        for (Map.Entry<String, List<Piece>> e : byFile.entrySet()) {
            String name = e.getKey();
            List<Piece> pieces = e.getValue();
            if (pieces.size() == 1 && renamable(pieces.get(0))) {
                // the part is the whole file already (header included): no second copy of its bytes
                Piece only = pieces.get(0);
                try (FileChannel ch = FileChannel.open(only.file, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                committer.commit(units.get(name), name, new TempCsvFile.Done(only.file, only.rows, only.bytes, only.sha256));
                continue;
            }
            joiner.join(units.get(name), name, spec.generic().columnNames(), pieces, seq++);
        }
        return byFile.size();
    }
}

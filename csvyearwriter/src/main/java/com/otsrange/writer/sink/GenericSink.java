package com.otsrange.writer.sink;

import com.otsrange.writer.commit.OutputRoot;
import com.otsrange.writer.commit.TaskParts;
import com.otsrange.writer.encoding.CsvOutput;
import com.otsrange.writer.encoding.UnencodableText;
import com.otsrange.writer.file.CsvRowFormatter;
import com.otsrange.writer.file.TempCsvFile;
import com.otsrange.writer.spec.FileNames;
import com.otsrange.writer.spec.WriterSpec;
import com.otsrange.writer.config.GenericColumns;
import com.otsrange.writer.config.GenericTimeUnit;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.common.AtomicFiles;
import com.otsrange.common.DateText;
import com.otsrange.common.Period;
import com.otsrange.common.Sha256;
import com.otsrange.common.UnitId;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Any reader: records may interleave files, so each task appends the rows of every final file to
 * its own part file (at most {@code maxOpenFiles} open, least recently used closed first and
 * reopened for append). At the end the task publishes an index of its parts; the Job's post joins
 * the parts of each final file in task order and commits it ({@link TaskParts}).
 */
public final class GenericSink implements RecordSink {
    static final int PART_BUFFER = 16 * 1024;

    private final WriterSpec spec;
    private final GenericColumns generic;
    private final CsvRowFormatter formatter;
    private final Path partDir;
    /** Record columns to write, in order; null: every column of the record. */
    private final int[] cells;
    private final boolean[] timeCells;
    /** Highest record column the cells read (-1 for none). */
    private final int maxCell;
    /** Set when the cells come from parameter.columnNames alone: the record must have exactly that many columns. */
    private final boolean cellsNamed;
    private final Map<String, Part> parts = new LinkedHashMap<>();
    private final LinkedHashMap<String, Part> openParts;
    private final Map<String, Route> routes = new HashMap<>();
    /** What a new file starts with in the encoding (a byte order mark or nothing). */
    private final byte[] start;
    private final OutputRoot root;
    private IOException evictionFailure;

    private static final class Route {
        long start;
        long end;
        String name;
        String unit;
    }

    private static final class Part {
        final String name;
        final String unit;
        final Path file;
        long rows;
        /** Bytes and hash of everything in the part file, kept across close and reopen. */
        final MessageDigest digest = Sha256.newDigest();
        long bytes;
        long headerBytes;
        TempCsvFile.CountingDigest stream;
        CsvOutput out;

        void close() throws IOException {
            try {
                out.flush();
            } finally {
                bytes = stream.count;
                stream.close();
                stream = null;
                out = null;
            }
        }

        Part(String name, String unit, Path file) {
            this.name = name;
            this.unit = unit;
            this.file = file;
        }
    }

    public GenericSink(WriterSpec spec, int taskIndex) {
        this.spec = spec;
        this.generic = spec.generic();
        this.formatter = new CsvRowFormatter(spec);
        this.partDir = partDirOf(spec, taskIndex);
        this.start = CsvOutput.start(spec.encoding(), spec.lineSeparator());
        this.root = OutputRoot.of(spec.path());
        boolean timeRendered = generic.time() != GenericTimeUnit.DATE;
        int[] given = generic.columns();
        cellsNamed = given == null && generic.columnNames() != null;
        if (cellsNamed) {
            given = new int[generic.columnNames().size()];
            for (int i = 0; i < given.length; i++) {
                given[i] = i;
            }
        }
        cells = given;
        int highest = -1;
        if (cells != null) {
            timeCells = new boolean[cells.length];
            for (int i = 0; i < cells.length; i++) {
                timeCells[i] = timeRendered && cells[i] == generic.timeColumn();
                highest = Math.max(highest, cells[i]);
            }
        } else {
            // every column: the time column is rendered as a time here too, whatever header says
            timeCells = new boolean[generic.timeColumn() + 1];
            timeCells[generic.timeColumn()] = timeRendered;
        }
        maxCell = highest;
        final int max = generic.maxOpenFiles();
        this.openParts = new LinkedHashMap<String, Part>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Part> eldest) {
                if (size() > max) {
                    try {
                        eldest.getValue().close();
                    } catch (IOException e) {
                        evictionFailure = e;
                    }
                    return true;
                }
                return false;
            }
        };
    }

    static Path partDirOf(WriterSpec spec, int taskIndex) {
        return spec.tmpDir().resolve(TaskParts.PARTS).resolve(String.format("task-%06d", taskIndex));
    }

    @Override
    public String accept(Record r) throws IOException {
        if (evictionFailure != null) {
            throw evictionFailure;
        }
        int n = r.getColumnNumber();
        Column keyCol = generic.partitionKeyColumn() < n ? r.getColumn(generic.partitionKeyColumn()) : null;
        String key = RecordKeys.keyText(keyCol);
        if (key == null) {
            return "no partition key in column " + generic.partitionKeyColumn() + " (parameter.partitionKeyColumn)";
        }
        Column timeCol = generic.timeColumn() < n ? r.getColumn(generic.timeColumn()) : null;
        if (timeCol == null || timeCol.getRawData() == null) {
            return "no time in column " + generic.timeColumn() + " (parameter.timeColumn)";
        }
        long ms;
        try {
            ms = epochMillis(timeCol);
        } catch (RuntimeException e) {
            return "time '" + timeCol.getRawData() + "' in column " + generic.timeColumn() + " cannot be read as "
                    + generic.time().name().toLowerCase(Locale.ROOT) + ": " + e.getMessage();
        }
        String width = widthProblem(n);
        if (width != null) {
            return width;
        }
        Route route = routes.get(key);
        if (route == null || ms < route.start || ms >= route.end) {
            route = route(key, ms);
            routes.put(key, route);
        }
        Part part = openParts.get(route.name);
        if (part == null) {
            part = parts.get(route.name);
            if (part == null) {
                // before anything of it is written: its real location is under path (no link leads elsewhere)
                root.finalFile(route.name);
                part = new Part(route.name, route.unit, partDir.resolve(parts.size() + ".part"));
                parts.put(route.name, part);
            }
            Files.createDirectories(partDir);
            part.stream = new TempCsvFile.CountingDigest(new FileOutputStream(part.file.toFile(), true), part.digest, part.bytes);
            // many parts may be open at once: a modest buffer each. Reopened, it continues the text
            // (no second byte order mark)
            part.out = new CsvOutput(part.stream, spec.encoding(), spec.lineSeparator(), PART_BUFFER);
            if (part.bytes == 0) {
                // every part starts like a new file (byte order mark, header): a file made of one part is
                // renamed into place as it is; the joiner skips headerBytes of each part when it has to
                // concatenate
                part.stream.write(start);
                if (spec.header()) {
                    formatter.header(generic.columnNames(), part.out, part.name);
                }
                part.out.flush();
                part.headerBytes = part.stream.count;
            }
            openParts.put(route.name, part);
        }
        try {
            if (cells == null) {
                formatter.rowFrom(r, 0, timeCells, false, part.out);
            } else {
                formatter.row(r, cells, timeCells, part.out);
            }
        } catch (UnencodableText e) {
            throw e.error(spec.encoding(), route.name, e.column(generic.columnNames()) + " of the record with partition key \""
                    + key + "\" and time " + timeCol.getRawData());
        }
        part.rows++;
        return null;
    }

    /** A record the cells do not fit is dirty: a dropped or invented cell would shift the columns silently. */
    private String widthProblem(int n) {
        if (cellsNamed && n != cells.length) {
            return "the record has " + n + " columns but parameter.columnNames names " + cells.length
                    + ": name every column, or choose the columns to write with parameter.columns";
        }
        if (!cellsNamed && maxCell >= n) {
            return "the record has " + n + " columns (0.." + (n - 1) + ") but parameter.columns asks for column " + maxCell;
        }
        return null;
    }

    private Route route(String key, long ms) {
        Period p = spec.fileName().period();
        Route r = new Route();
        r.start = p.floor(ms, spec.timeZone());
        r.end = p.next(r.start, spec.timeZone());
        r.name = FileNames.render(spec, key, ms);
        r.unit = UnitId.of(p, p.label(ms, spec.timeZone()), key);
        return r;
    }

    private long epochMillis(Column c) {
        switch (generic.time()) {
            case DATE:
                if (c.getType() == Column.Type.DATE) {
                    return c.asDate().getTime();
                }
                if (c.getType() == Column.Type.LONG || c.getType() == Column.Type.INT) {
                    return c.asLong();
                }
                return DateText.instant(c.asString().trim(), spec.timeZone()).toEpochMilli();
            default:
                if (c.getType() == Column.Type.DATE) {
                    return c.asDate().getTime();
                }
                return spec.timeUnit().toEpochMillisFloor(c.asLong());
        }
    }

    @Override
    public void finish() throws IOException {
        if (evictionFailure != null) {
            throw evictionFailure;
        }
        for (Iterator<Part> it = openParts.values().iterator(); it.hasNext(); ) {
            Part p = it.next();
            p.close();
            it.remove();
        }
        List<JSONObject> entries = new ArrayList<>();
        for (Part p : parts.values()) {
            JSONObject o = new JSONObject(true);
            o.put("file", p.name);
            o.put("unit", p.unit);
            o.put("part", p.file.getFileName().toString());
            o.put("rows", p.rows);
            o.put("bytes", p.bytes);
            o.put("headerBytes", p.headerBytes);
            o.put("sha256", Sha256.hex(p.digest.digest()));
            entries.add(o);
        }
        Files.createDirectories(partDir);
        AtomicFiles.write(partDir.resolve(TaskParts.INDEX), JSON.toJSONString(entries).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void abort() {
        for (Part p : openParts.values()) {
            closeQuietly(p);
        }
        openParts.clear();
    }

    private static void closeQuietly(Part p) {
        if (p.stream != null) {
            try {
                p.close();
            } catch (IOException ignored) {
                // the job fails anyway or the part is reopened for append
            }
        }
    }
}

package com.otsrange.writer.state;

import com.otsrange.writer.error.WriterErrorCode;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.otsrange.common.AtomicFiles;
import com.otsrange.common.RestateFile;
import com.otsrange.common.TimeWindow;
import com.otsrange.common.UnitOffsets;
import com.otsrange.common.WindowLedger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How this run rewrites each unit the reader handed over in {@code tmp/restate.json} (issue 21),
 * decided once by the writer Job's split (after the reader's split wrote the hand-over) from the
 * window ledger: the bytes of the final file kept ({@code prefix}, the offset after the unit's latest
 * window ending at or before {@code restateFrom}), its size now, and the windows whose ends cut the
 * rewritten rows into gzip members and offsets. Tasks load it from {@code tmp/restate-plan.json} (windows,
 * and per unit what is kept) beside the hand-over it completes.
 */
public final class RestatePlan {
    static final String FILE = "restate-plan.json";
    /** Task parameter key: how many units the plan holds (so a missing or torn file is noticed). */
    public static final String COUNT_KEY = "otsrangeRestatedUnits";

    /** One restated unit: what the reader handed over, and what this writer keeps of its file. */
    public static final class Unit {
        final RestateFile.Unit handed;
        /** Bytes of the final file kept as they are. */
        public final long prefix;
        /** The final file's size before this run (0 when it has none). */
        public final long oldBytes;
        /** The final file relative to the output path, or null when the ledger never committed one. */
        public final String file;

        Unit(RestateFile.Unit handed, long prefix, long oldBytes, String file) {
            this.handed = handed;
            this.prefix = prefix;
            this.oldBytes = oldBytes;
            this.file = file;
        }

        public String unit() {
            return handed.unit();
        }

        public long restateFrom() {
            return handed.restateFrom();
        }

        public long coveredTo() {
            return handed.coveredTo();
        }

        public long readTo() {
            return handed.readTo();
        }

        public boolean compare() {
            return handed.compare();
        }

        public long records() {
            return handed.records();
        }

        /** Whether a record of the unit at raw time {@code raw} belongs to what this run rewrites. */
        public boolean holds(long raw) {
            return restateFrom() <= raw && raw < readTo();
        }
    }

    private final List<TimeWindow> windows;
    private final Map<String, Unit> units;

    RestatePlan(List<TimeWindow> windows, Map<String, Unit> units) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        Collections.sort(sorted, (a, b) -> Long.compare(a.from(), b.from()));
        this.windows = Collections.unmodifiableList(sorted);
        this.units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
    }

    /**
     * The plan of a run's hand-over: refuses (CsvYearWriter-05) a unit whose final file is not the
     * size the ledger's offsets end at, before anything is written: keeping a prefix of it would
     * keep the wrong bytes.
     *
     * @param thisRun the window this run exports, or null
     */
    public static RestatePlan of(RestateFile handOver, WindowLedger ledger, TimeWindow thisRun, Path outputPath) throws IOException {
        List<TimeWindow> windows = new ArrayList<>(ledger.done());
        if (thisRun != null && !windows.contains(thisRun)) {
            windows.add(thisRun);
        }
        Map<String, Unit> units = new LinkedHashMap<>();
        for (RestateFile.Unit u : handOver.units()) {
            UnitOffsets offsets = ledger.offsets(u.unit());
            String file = offsets.file();
            long size = file != null && Files.isRegularFile(outputPath.resolve(file)) ? Files.size(outputPath.resolve(file)) : 0;
            if (size != offsets.end()) {
                throw new DataXException(WriterErrorCode.RESUME_REFUSED, "restating unit " + u.unit() + ": its file "
                        + (file == null ? "(none)" : outputPath.resolve(file)) + " has " + size + " bytes, but the window ledger"
                        + " says " + offsets.end() + " (was it changed or removed since it was committed?). Nothing was"
                        + " written. Restore the file as committed, or start over (\"resume\": false after removing the files"
                        + " this job wrote)");
            }
            units.put(u.unit(), new Unit(u, offsets.prefix(u.restateFrom()), size, file));
        }
        return new RestatePlan(windows, units);
    }

    public List<TimeWindow> windows() {
        return windows;
    }

    /** The unit's plan, or null when this run does not restate it. */
    public Unit unit(String unitId) {
        return units.get(unitId);
    }

    public Map<String, Unit> units() {
        return units;
    }

    public void write(Path tmpDir) throws IOException {
        JSONObject o = new JSONObject(true);
        List<List<Long>> ws = new ArrayList<>();
        for (TimeWindow w : windows) {
            ws.add(w.toJson());
        }
        o.put("windows", ws);
        // the reader's hand-over (tmp/restate.json) stays beside it: per unit only what this writer adds
        JSONObject us = new JSONObject(true);
        for (Unit u : units.values()) {
            JSONObject j = new JSONObject(true);
            j.put("prefix", u.prefix);
            j.put("oldBytes", u.oldBytes);
            j.put("file", u.file);
            us.put(u.unit(), j);
        }
        o.put("units", us);
        AtomicFiles.write(tmpDir.resolve(FILE), o.toJSONString().getBytes(StandardCharsets.UTF_8));
    }

    /** Task side: the plan the Job wrote, or an empty one when it restates nothing. */
    public static RestatePlan load(Path tmpDir, int expected) {
        if (expected <= 0) {
            return new RestatePlan(Collections.<TimeWindow>emptyList(), Collections.<String, Unit>emptyMap());
        }
        Path f = tmpDir.resolve(FILE);
        try {
            JSONObject o = JSON.parseObject(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            List<TimeWindow> windows = new ArrayList<>();
            for (Object w : o.getJSONArray("windows")) {
                windows.add(TimeWindow.fromJson(w));
            }
            RestateFile handOver = RestateFile.read(tmpDir);
            JSONObject us = o.getJSONObject("units");
            Map<String, Unit> units = new LinkedHashMap<>();
            for (RestateFile.Unit h : handOver == null ? Collections.<RestateFile.Unit>emptyList() : handOver.units()) {
                JSONObject j = us.getJSONObject(h.unit());
                units.put(h.unit(), new Unit(h, j.getLongValue("prefix"), j.getLongValue("oldBytes"), j.getString("file")));
            }
            if (units.size() != expected) {
                throw new IllegalStateException(units.size() + " units, the writer Job planned " + expected);
            }
            return new RestatePlan(windows, units);
        } catch (IOException | RuntimeException e) {
            throw new DataXException(WriterErrorCode.WRITE_FAILED, "cannot read the restatement plan " + f + " (written by the"
                    + " writer Job's split; was the state dir changed during the run?): " + e);
        }
    }
}

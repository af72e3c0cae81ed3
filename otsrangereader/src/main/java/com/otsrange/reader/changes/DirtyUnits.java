package com.otsrange.reader.changes;

import com.otsrange.reader.plan.RestateMark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The units relevant records marked, each from the earliest window one of them lies in, with how many marked it. */
final class DirtyUnits {
    private static final class Entry {
        final int task;
        long from;
        final long periodFrom;
        final long periodTo;
        long records;

        Entry(RecordRelevance.Mark m) {
            this.task = m.task;
            this.from = m.from;
            this.periodFrom = m.periodFrom;
            this.periodTo = m.periodTo;
        }
    }

    private final Map<String, Entry> byUnit = new TreeMap<>();
    private long records;

    void add(RecordRelevance.Mark m) {
        add(m.unit, m, 1);
    }

    private void add(String unit, RecordRelevance.Mark m, long count) {
        Entry e = byUnit.get(unit);
        if (e == null) {
            e = new Entry(m);
            byUnit.put(unit, e);
        }
        e.from = Math.min(e.from, m.from);
        e.records += count;
        records += count;
    }

    void addAll(DirtyUnits other) {
        for (Map.Entry<String, Entry> o : other.byUnit.entrySet()) {
            Entry x = o.getValue();
            add(o.getKey(), new RecordRelevance.Mark(x.task, o.getKey(), x.from, x.periodFrom, x.periodTo), x.records);
        }
    }

    /** Relevant records counted. */
    long records() {
        return records;
    }

    /** Each unit restated from its earliest mark to the end of its committed coverage. */
    List<RestateMark> marks(CommittedWindows committed) {
        List<RestateMark> out = new ArrayList<>(byUnit.size());
        for (Map.Entry<String, Entry> e : byUnit.entrySet()) {
            Entry x = e.getValue();
            out.add(new RestateMark(x.task, e.getKey(), x.from, committed.coveredTo(e.getKey(), x.periodFrom, x.periodTo), false,
                    x.records));
        }
        return out;
    }
}

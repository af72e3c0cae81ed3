package com.otsrange.e2e;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One layout of a restating incremental export and its jobs: zone, file period, gzip, shards,
 * whether the header shows the sort key, and how changes are found (the table's Stream, or a
 * lookback on a table without one). Windows are whole days of a grid that crosses a month and a
 * year end.
 */
final class RestateShape {
    /** First day of the grid (a local date in the job's zone). */
    static final LocalDate DAY0 = LocalDate.of(2023, 12, 28);
    static final int DAYS = 8;
    /** The job's task keys; "ghost" has no rows at first. */
    static final List<String> KEYS = Arrays.asList("dev-1", "a/b", "k.2", "ghost");
    /** A key the table has and the job does not export. */
    static final String OUTSIDER = "zz-out";

    enum Files { YEAR, MONTH, DAY }

    final ZoneId zone;
    final Files files;
    final boolean gzip;
    /** 1: one process; n > 1: every run is n processes, {@code shard: "i/n"}, into the same path. */
    final int shards;
    /** Header ct,v,s,d (every row in range is exported) or v,s,d (a row without v, s and d is not). */
    final boolean timeColumn;
    /** 0: {@code changes: "stream"} on a table with a Stream; else {@code {"lookback": "P<n>D"}} on one without. */
    final int lookbackDays;

    RestateShape(ZoneId zone, Files files, boolean gzip, int shards, boolean timeColumn, int lookbackDays) {
        this.zone = zone;
        this.files = files;
        this.gzip = gzip;
        this.shards = shards;
        this.timeColumn = timeColumn;
        this.lookbackDays = lookbackDays;
    }

    boolean stream() {
        return lookbackDays == 0;
    }

    List<String> columns() {
        return timeColumn ? Arrays.asList("ct", "v", "s", "d") : Arrays.asList("v", "s", "d");
    }

    /** The shard values of one run: null (all keys) or "0/n" ... "n-1/n". */
    List<String> shardValues() {
        List<String> out = new ArrayList<>();
        if (shards == 1) {
            out.add(null);
        }
        for (int i = 0; shards > 1 && i < shards; i++) {
            out.add(i + "/" + shards);
        }
        return out;
    }

    String stateDir(String table, String shard) {
        return ".otsrange/" + table + "." + (shard == null ? "all" : "shard-" + shard.replace("/", "-of-"));
    }

    static long dayStart(int day, ZoneId zone) {
        return DAY0.plusDays(day).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    long dayStart(int day) {
        return dayStart(day, zone);
    }

    /** The {@code changes} value of this shape's runs (lookback of {@code days} days when > 0). */
    static Object changes(int days) {
        return days == 0 ? "stream" : JSON.parseObject("{\"lookback\":\"P" + days + "D\"}");
    }

    /** An incremental job for the days [fromDay, toDay) of the grid. */
    JSONObject job(E2e e2e, String table, Path out, String shard, int fromDay, int toDay, Object changes) {
        JSONObject reader = e2e.reader(table, KEYS, columns());
        reader.put("schema", JSON.parseObject("{\"partitionKey\":\"id\",\"sortKey\":\"ct\"}"));
        DateTimeFormatter day = DateTimeFormatter.BASIC_ISO_DATE;
        reader.put("filters", JSON.parseObject("{\"ct\":{\"gte\":\"" + DAY0.plusDays(fromDay).format(day) + "\",\"lt\":\""
                + DAY0.plusDays(toDay).format(day) + "\"}}"));
        reader.put("timeZone", zone.getId());
        reader.put("resume", true);
        reader.put("pageSize", 5);
        reader.put("changes", changes);
        if (shard != null) {
            reader.put("shard", shard);
        }
        JSONObject writer = E2e.writer(out);
        writer.put("writeMode", "append");
        if (files == Files.DAY) {
            writer.put("fileName", "{partition_key}/{year}-{month}-{day}.csv");
        } else if (files == Files.MONTH) {
            writer.put("fileName", "{partition_key}/{year}/{month}.csv");
        }
        if (gzip) {
            writer.put("compress", "gzip");
        }
        return E2e.job(reader, writer, 2);
    }

    @Override
    public String toString() {
        return zone + " " + files.name().toLowerCase() + " files" + (gzip ? " gzip" : "") + (shards > 1 ? " " + shards + " shards" : "")
                + (timeColumn ? " header ct,v,s,d" : " header v,s,d") + (stream() ? " stream" : " lookback P" + lookbackDays + "D (no Stream)");
    }
}

package com.otsrange.runner;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;

/** Progress lines and the final summary, laid out like DataX's. */
final class Reports {

    private Reports() {
    }

    static String progress(JobStats stats, int taskCount, long elapsedMillis) {
        long millis = Math.max(1, elapsedMillis);
        return String.format(Locale.ROOT,
                "%s [otsrange-runner] Total %d records, %s | Speed %s/s, %d records/s | Error %d records | "
                        + "Tasks %d/%d done | Elapsed %s",
                time(System.currentTimeMillis()), stats.totalReadRecords(), bytes(stats.readBytes()),
                bytes(stats.readBytes() * 1000 / millis), stats.totalReadRecords() * 1000 / millis,
                stats.errorRecords(), stats.finishedTasks(), taskCount, duration(elapsedMillis));
    }

    static String summary(long startMillis, long endMillis, long transferMillis, JobStats stats) {
        long transfer = Math.max(1, transferMillis);
        return String.format(Locale.ROOT,
                "%n%-26s: %-18s%n%-26s: %-18s%n%-26s: %19s%n%-26s: %19s%n%-26s: %19s%n%-26s: %19s%n%-26s: %19s%n",
                "Job start time", time(startMillis),
                "Job end time", time(endMillis),
                "Total elapsed", duration(endMillis - startMillis),
                "Average throughput", bytes(stats.readBytes() * 1000 / transfer) + "/s",
                "Record write speed", stats.totalReadRecords() * 1000 / transfer + "rec/s",
                "Total records read", stats.totalReadRecords(),
                "Total read/write failures", stats.errorRecords());
    }

    /** DataX's StrUtil.stringify: B, KB, MB, GB, TB with two decimals. */
    static String bytes(long n) {
        DecimalFormat df = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        long kb = 1024;
        if (n / (kb * kb * kb * kb) > 0) {
            return df.format((double) n / (kb * kb * kb * kb)) + "TB";
        } else if (n / (kb * kb * kb) > 0) {
            return df.format((double) n / (kb * kb * kb)) + "GB";
        } else if (n / (kb * kb) > 0) {
            return df.format((double) n / (kb * kb)) + "MB";
        } else if (n / kb > 0) {
            return df.format((double) n / kb) + "KB";
        }
        return n + "B";
    }

    static String duration(long millis) {
        return String.format(Locale.ROOT, "%.3fs", millis / 1000.0);
    }

    private static String time(long millis) {
        return new SimpleDateFormat("yyyy-MM-dd HH:mm:ss", Locale.ROOT).format(new Date(millis));
    }
}

package com.otsrange.writer.config;

import com.otsrange.common.FileNamePattern;
import com.otsrange.common.Problems;
import com.otsrange.common.RecordLayout;
import com.otsrange.config.Param;
import com.otsrange.config.Types;
import com.otsrange.config.ValueType;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * csvyearwriter's job parameters, each declared once ({@link Param}): {@link WriterOptions} parses
 * them, otsrangereader reads the writer's parameter through that same parse (file period, path,
 * write mode), and the parameter tables of docs/writer.md, README.md and
 * {@code plugin_job_template.json} are rendered from here ({@code ParameterDocsTest}).
 */
public final class WriterParams {
    private WriterParams() {
    }

    /** A {@code fileName} pattern (trimmed); canonical: the pattern text. */
    static final ValueType<FileNamePattern> PATTERN = new ValueType<FileNamePattern>() {
        @Override
        public FileNamePattern parse(Object raw, String path, Problems problems) {
            String s = Types.NAME.parse(raw, path, problems);
            if (s == null) {
                return null;
            }
            try {
                return FileNamePattern.parse(s);
            } catch (IllegalArgumentException e) {
                problems.add(path, Problems.json(raw) + " is invalid; " + e.getMessage());
                return null;
            }
        }

        @Override
        public Object canonical(FileNamePattern value) {
            return value.pattern();
        }

        @Override
        public String describe() {
            return "pattern";
        }
    };

    public static final Param<String> PATH = Param.of("path", Types.NAME).required("the output folder is required, e.g. \"/data/export\"")
            .rule(p -> p.startsWith("~") ? "DataX does not expand '~' (it would create a folder named '~'); write an absolute path"
                    + homeExample(p) : null)
            .doc("output folder; created if missing; must be a writable directory. Relative paths resolve"
                    + " against the working directory. A path starting with `~` is refused: DataX does not expand it"
                    + " (it would create a folder named `~`); write the absolute path. `path` may itself be a"
                    + " symbolic link (its target is then where files go); links inside it are followed only while"
                    + " they stay inside it ([Symbolic links](#symbolic-links)).")
            .summary("Output folder (required; created if missing). Give an absolute or relative path; `~` is not"
                    + " expanded by DataX and is refused. It may be a symbolic link; a link inside it that leads"
                    + " outside it (or into `.otsrange/`) is refused (`CsvYearWriter-06`) and nothing is written"
                    + " through it.")
            .example("/data/export").build();
    public static final Param<FileNamePattern> FILE_NAME = Param.of("fileName", PATTERN)
            .defaultValue(FileNamePattern.parse(RecordLayout.DEFAULT_FILE_NAME)).aliases("file_name", "filename_pattern")
            .doc("file name pattern relative to `path`; `/` makes sub-folders. Placeholders: `{partition_key}` (required), `{table}`,"
                    + " `{year}` (required), `{month}`, `{day}` (needs `{month}`). The finest time placeholder is the file period."
                    + " Rejected: absolute patterns, `.`/`..`/empty segments, backslashes, control characters (a line break, a tab),"
                    + " unknown placeholders, a pattern whose first segment could render as `.otsrange` (any case), the bookkeeping"
                    + " folder: e.g. `.otsrange/{partition_key}_{year}.csv` or `.{partition_key}/{year}.csv` (key `otsrange`), and a"
                    + " name ending in `.gz` without `compress: \"gzip\"` (plain CSV under a gzip name), and a part over 255 bytes"
                    + " before any key (see \"File names\").")
            .summary("Pattern relative to `path`, default `{partition_key}_{table}_{year}.csv`; `/` makes sub-folders. Placeholders"
                    + " `{partition_key}` (required), `{table}`, `{year}` (required), `{month}`, `{day}`; the finest one is the file"
                    + " period (one file per key per year, month or day). A pattern that could lead into `path/.otsrange/` (e.g."
                    + " `.otsrange/{partition_key}_{year}.csv`) is refused.")
            .example(RecordLayout.DEFAULT_FILE_NAME).build();
    public static final Param<Boolean> HEADER = Param.of("header", Types.FLAG).defaultValue(true)
            .doc("first line = column names.").summary("Header line (default `true`).").example(true).build();
    public static final Param<java.nio.charset.Charset> ENCODING = Param.of("encoding", Types.CHARSET)
            .defaultValue(java.nio.charset.StandardCharsets.UTF_8).docDefault("`UTF-8`")
            .doc("any charset the JVM can encode that has the comma, double quote, digits and line breaks; no"
                    + " BOM is written for UTF-8. A charset whose encoder writes a byte order mark (`UTF-16`,"
                    + " `x-UTF-16LE-BOM`, `X-UTF-32BE-BOM`, `X-UTF-32LE-BOM`) gets exactly one, at the start of each"
                    + " file ([Encodings](#encodings)). A value the charset cannot represent fails the job"
                    + " (`CsvYearWriter-11`, naming the encoding, file, column and key).")
            .summary("Default `UTF-8` (no BOM). Any JVM charset that has the CSV's comma, quote, digits and line"
                    + " breaks; a charset with a byte order mark (`UTF-16`, `x-UTF-16LE-BOM`, ...) writes one at the"
                    + " start of each file, never inside (parts, appends and windows included). A value the charset"
                    + " cannot represent fails the job (`CsvYearWriter-11`, naming encoding, file, column and key).")
            .example("UTF-8").build();
    public static final Param<String> NULL_FORMAT = Param.of("nullFormat", Types.TEXT).defaultValue("")
            .rule(s -> s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                    ? "a text without comma, double quote or line breaks, e.g. \"\" or \"\\\\N\"" : null)
            .doc("text of a missing cell (no comma, quote or line break).").summary("Text of a missing cell (default empty).")
            .example("").build();
    public static final Param<Compress> COMPRESS = Param.of("compress", Types.keyword(Compress.values(), Compress::text))
            .defaultValue(Compress.NONE)
            .doc("`none` or `gzip`; gzip adds `.gz` unless the pattern already ends in `.gz`.")
            .summary("`none` (default) or `gzip` (adds `.gz` unless the pattern ends in it).").example("none").build();
    public static final Param<WriteMode> WRITE_MODE = Param.of("writeMode", Types.keyword(WriteMode.values(), WriteMode::text))
            .defaultValue(WriteMode.TRUNCATE).aliases("write_mode")
            .doc("`truncate`, `append` or `nonConflict` (below).")
            .summary("`truncate` (default): each file this job produces replaces the file of that name, every other file is left"
                    + " alone. `append`: new rows are added to an existing file (no second header); an existing file whose header"
                    + " differs from the job's (e.g. the task's columns changed) is refused (`CsvYearWriter-09`) and left as it was;"
                    + " with the reader's `resume: true` this is incremental mode, see [Scheduled exports](#scheduled-exports)."
                    + " `nonConflict`: the job fails before writing if any file of this table's pattern exists.")
            .example("truncate").build();
    public static final Param<VerifyCommitted> VERIFY_COMMITTED = Param.of("verifyCommitted",
                    Types.keyword(VerifyCommitted.values(), VerifyCommitted::text))
            .defaultValue(VerifyCommitted.SIZE)
            .doc("what a resumed run checks of every file committed earlier, before it writes anything: `size` (the file exists with"
                    + " the size it was committed with) or `sha256` (also the same content; reads every committed file). See"
                    + " [Resume](#state-dir-and-commit-protocol).")
            .summary("On resume, what is checked of every file committed earlier before anything is written: `size` (default) or"
                    + " `sha256` (also the content).").build();
    public static final Param<Boolean> ALLOW_GAPS = Param.of("allowGaps", Types.FLAG).defaultValue(false).aliases("allow_gaps")
            .doc("Incremental mode only (below): accept a window that starts after the committed windows, leaving a gap that is never"
                    + " exported (reported in the log and `manifest.json`). Not part of the job's fingerprint.")
            .summary("Incremental mode: accept a window that starts after the committed windows (the time between is never"
                    + " exported; reported in the log and `manifest.json`). Default `false`: such a window is refused.").build();
    public static final Param<String> DATE_FORMAT = Param.of("dateFormat", Types.TEXT).aliases("date_format")
            .rule(WriterParams::dateFormatProblem)
            .doc("a `java.time.format.DateTimeFormatter` pattern (e.g. `yyyy-MM-dd HH:mm:ss.SSS`) for time cells, applied in"
                    + " `timeZone`.")
            .summary("A `java.time` pattern for time cells instead of ISO-8601.").build();
    public static final Param<String> LINE_SEPARATOR = Param.of("lineSeparator", Types.TEXT).defaultValue("\n")
            .rule(s -> "\n".equals(s) || "\r\n".equals(s) || "\r".equals(s) ? null : "valid: \"\\n\" (default), \"\\r\\n\" or \"\\r\"")
            .docDefault("`\"\\n\"`").doc("`\"\\n\"`, `\"\\r\\n\"` or `\"\\r\"`.").summary("`\"\\n\"` (default), `\"\\r\\n\"` or `\"\\r\"`.")
            .example("\n").build();

    /** The keys of both modes, in the order the docs list them. */
    public static final List<Param<?>> COMMON = Collections.unmodifiableList(Arrays.<Param<?>>asList(PATH, FILE_NAME, HEADER,
            ENCODING, NULL_FORMAT, COMPRESS, WRITE_MODE, VERIFY_COMMITTED, DATE_FORMAT, LINE_SEPARATOR, ALLOW_GAPS));

    // ---------------------------------------------------------------- generic mode only (any reader but otsrangereader)

    public static final Param<Long> PARTITION_KEY_COLUMN = Param.of("partitionKeyColumn", Types.integer(0, Integer.MAX_VALUE))
            .required("a 0-based record column index (required when the reader is not otsrangereader)")
            .doc("0-based record column holding the partition key (integer -> decimal, string verbatim, bytes -> Base64).").build();
    public static final Param<Long> TIME_COLUMN = Param.of("timeColumn", Types.integer(0, Integer.MAX_VALUE))
            .required("a 0-based record column index (required when the reader is not otsrangereader)")
            .doc("0-based record column holding the time used for the year/month/day.").build();
    public static final Param<GenericTimeUnit> TIME_UNIT = Param.of("timeUnit",
                    Types.keyword(GenericTimeUnit.values(), GenericTimeUnit::text))
            .defaultValue(GenericTimeUnit.MS)
            .doc("`ms`, `s`, `us` (integer epoch values) or `date` (a date column, or text `2023-01-15T10:30:00Z`,"
                    + " `2023-01-15T10:30:00+08:00`, `2023-01-15 10:30:00` or `2023-01-15`, the last two in `timeZone`). A date column"
                    + " is accepted with any unit.").build();
    public static final Param<ZoneId> TIME_ZONE = Param.of("timeZone", Types.ZONE).defaultValue(ZoneId.of("UTC"))
            .doc("zone of the year boundaries and of rendered time cells.").build();
    public static final Param<String> TABLE = Param.of("table", Types.NAME).defaultValue("records")
            .doc("value of `{table}`, and the state dir name `path/.otsrange/<table>.all`.").build();
    public static final Param<List<Long>> COLUMNS = Param.of("columns", indexes()).docDefault("all columns")
            .doc("0-based record columns to write, in order.").build();
    public static final Param<List<String>> COLUMN_NAMES = Param.of("columnNames", Types.STRINGS)
            .docDefault("(required when `header` is true)")
            .doc("header names, one per written column. Without `columns` they name the record's columns in order, so a record must"
                    + " have exactly that many columns.").build();
    public static final Param<Long> MAX_OPEN_FILES = Param.of("maxOpenFiles", Types.integer(1, 4096)).defaultValue(512L)
            .doc("part files kept open per task (least recently used closed and reopened for append).").build();

    public static final List<Param<?>> GENERIC = Collections.unmodifiableList(Arrays.<Param<?>>asList(PARTITION_KEY_COLUMN,
            TIME_COLUMN, TIME_UNIT, TIME_ZONE, TABLE, COLUMNS, COLUMN_NAMES, MAX_OPEN_FILES));

    /** Added by the writer Job to each task's parameter, never written by users. */
    public static final Param<Long> TASK_INDEX = Param.of("taskIndex", Types.integer(0, Integer.MAX_VALUE)).defaultValue(0L).build();

    /** ", e.g. \"/home/you/x\"" for "~/x": the user's home as this JVM sees it. */
    private static String homeExample(String tilde) {
        String home = System.getProperty("user.home");
        if (home == null || !(tilde.equals("~") || tilde.startsWith("~/"))) {
            return ", e.g. \"/data/export\"";
        }
        return ", e.g. \"" + home + tilde.substring(1) + "\"";
    }

    private static String dateFormatProblem(String pattern) {
        try {
            DateTimeFormatter.ofPattern(pattern);
            return null;
        } catch (IllegalArgumentException e) {
            return "a java.time DateTimeFormatter pattern, e.g. \"yyyy-MM-dd HH:mm:ss.SSS\" (" + e.getMessage() + ")";
        }
    }

    /** A list of 0-based record column indexes. */
    private static ValueType<List<Long>> indexes() {
        final ValueType<Long> index = Types.integer(0, Integer.MAX_VALUE);
        return new ValueType<List<Long>>() {
            @Override
            public List<Long> parse(Object raw, String path, Problems problems) {
                if (!(raw instanceof List)) {
                    problems.add(path, Problems.json(raw) + " is invalid; a JSON array of 0-based record column indexes");
                    return null;
                }
                List<?> items = (List<?>) raw;
                Long[] out = new Long[items.size()];
                boolean ok = true;
                for (int i = 0; i < out.length; i++) {
                    out[i] = index.parse(items.get(i), path + "[" + i + "]", problems);
                    ok &= out[i] != null;
                }
                return ok ? Collections.unmodifiableList(Arrays.asList(out)) : null;
            }

            @Override
            public Object canonical(List<Long> value) {
                return value;
            }

            @Override
            public String describe() {
                return "array of integers";
            }
        };
    }
}

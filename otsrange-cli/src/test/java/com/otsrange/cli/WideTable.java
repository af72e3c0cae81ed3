package com.otsrange.cli;

import com.alibaba.fastjson.JSON;
import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.CreateTableRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.alicloud.openservices.tablestore.model.TableMeta;
import com.alicloud.openservices.tablestore.model.TableOptions;
import com.otsrange.emulator.OtsEmulator;
import com.otsrange.emulator.SdkRowLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import com.otsrange.emulator.UnsentRequestRetry;

/**
 * A table whose tasks have more than GetRange's 128 columns, in two emulators: one with
 * BulkExport, one answering it as unsupported. Rows: 30 per key over 2024-2025; every third has
 * none of the task's columns (left out of the export), the others a few of 300 columns.
 */
final class WideTable implements AutoCloseable {
    static final String TABLE = "wide";
    static final int COLUMNS = 300;
    static final int ROWS_PER_KEY = 30;
    static final long T0 = 1704067200000L; // 2024-01-01T00:00:00Z
    /** key -> the first and the end of its column range. */
    static final Map<String, int[]> TASKS = new LinkedHashMap<>();

    static {
        TASKS.put("k129", new int[] {0, 129});
        TASKS.put("k300", new int[] {0, COLUMNS});
        TASKS.put("k171", new int[] {COLUMNS - 171, COLUMNS});
    }

    final OtsEmulator withBulk;
    final OtsEmulator withoutBulk;

    WideTable() throws Exception {
        withBulk = start(Collections.<String>emptySet());
        withoutBulk = start(Collections.singleton("BulkExport"));
    }

    private static OtsEmulator start(java.util.Set<String> disabled) throws Exception {
        OtsEmulator e = OtsEmulator.builder().port(0).instanceName("wide").accessKeyId("id").accessKeySecret("key")
                .disabledActions(disabled).build().start();
        SyncClient client = UnsentRequestRetry.client(e.endpoint(), "id", "key", "wide");
        try {
            TableMeta meta = new TableMeta(TABLE);
            meta.addPrimaryKeyColumn(new PrimaryKeySchema("id", PrimaryKeyType.STRING));
            meta.addPrimaryKeyColumn(new PrimaryKeySchema("ct", PrimaryKeyType.INTEGER));
            client.createTable(new CreateTableRequest(meta, new TableOptions(-1, 1)));
            SdkRowLoader loader = new SdkRowLoader(client);
            for (String key : TASKS.keySet()) {
                for (int i = 0; i < ROWS_PER_KEY; i++) {
                    loader.put(TABLE, Arrays.asList("id", "ct"), Arrays.<Object>asList(key, T0 + i * 25L * 86_400_000L), attributes(key, i));
                }
            }
            loader.flush();
        } finally {
            client.shutdown();
        }
        return e;
    }

    /** Row i of a key: every third only a column outside its task; the others its last column and every seventh. */
    static Map<String, Object> attributes(String key, int i) {
        int[] range = TASKS.get(key);
        Map<String, Object> a = new LinkedHashMap<>();
        if (i % 3 == 0) {
            a.put("other", "x" + i);
            return a;
        }
        a.put(col(range[1] - 1), i % 2 == 0 ? (Object) ("v," + i) : (Object) (i * 0.5));
        for (int c = range[0]; c < range[1]; c += 7) {
            a.put(col(c), (long) c * i);
        }
        return a;
    }

    static String col(int i) {
        return String.format("c%03d", i);
    }

    /** Rows the export holds: those with one of their task's columns. */
    static long expectedRows() {
        long rows = 0;
        for (int i = 0; i < ROWS_PER_KEY; i++) {
            rows += i % 3 == 0 ? 0 : 1;
        }
        return rows * TASKS.size();
    }

    /** The job: the tasks' columns from the wide table into csvyearwriter at {@code output}. */
    static String job(OtsEmulator emulator, String readApi, Path output) {
        Map<String, Object> definitions = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> t : TASKS.entrySet()) {
            List<String> cols = new ArrayList<>();
            for (int c = t.getValue()[0]; c < t.getValue()[1]; c++) {
                cols.add(col(c));
            }
            definitions.put(t.getKey(), cols);
        }
        return "{\"core\": {\"container\": {\"job\": {\"sleepInterval\": 100}}}, \"job\": {\"setting\": {\"speed\": {\"channel\": 2}},"
                + " \"content\": [{\"reader\": {\"name\": \"otsrangereader\", \"parameter\": {\"endpoint\": \"" + emulator.endpoint()
                + "\", \"accessId\": \"id\", \"accessKey\": \"key\", \"instanceName\": \"wide\", \"table\": \"" + TABLE + "\","
                + " \"readApi\": \"" + readApi + "\", \"filters\": {\"ct\": {\"gte\": \"2024-01-01\", \"lt\": \"2026-01-01\"}},"
                + " \"tasks\": {\"source\": \"inline\", \"definitions\": " + JSON.toJSONString(definitions) + "}}},"
                + " \"writer\": {\"name\": \"csvyearwriter\", \"parameter\": {\"path\": \"" + output + "\"}}}]}}";
    }

    /** The files under a folder (bookkeeping left out), by name. */
    static Map<String, byte[]> files(Path folder) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(f)) {
                    out.put(f.getFileName().toString(), Files.readAllBytes(f));
                }
            }
        }
        return out;
    }

    /** Data lines of the files (each file's header left out). */
    static long rows(Map<String, byte[]> files) {
        long rows = 0;
        for (byte[] f : files.values()) {
            rows += new String(f, java.nio.charset.StandardCharsets.UTF_8).split("\n").length - 1;
        }
        return rows;
    }

    @Override
    public void close() {
        withBulk.close();
        withoutBulk.close();
    }
}

package com.otsrange.common;

import java.nio.file.Path;

/** Where one (table, shard) keeps its bookkeeping: {@code path/.otsrange/<table>.<shard tag>}. */
public final class StateDir {
    public static final String TMP = "tmp";
    public static final String CHECKPOINT = "checkpoint.log";
    public static final String MANIFEST = "manifest.json";
    public static final String LOCK = "lock";

    private StateDir() {
    }

    public static Path of(Path outputPath, String table, ShardSpec shard) {
        return outputPath.resolve(RecordLayout.STATE_ROOT).resolve(KeyEncoding.encode(table) + "." + shard.tag());
    }
}

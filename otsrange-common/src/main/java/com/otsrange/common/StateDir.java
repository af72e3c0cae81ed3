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
        return outputPath.resolve(RecordLayout.STATE_ROOT).resolve(name(table, shard));
    }

    /** The state dir's folder name: {@code <encoded table>.<shard tag>}. */
    public static String name(String table, ShardSpec shard) {
        return KeyEncoding.encode(table) + "." + shard.tag();
    }

    /** Why the state dir of this table and shard cannot be created (its name is over 255 bytes), or null. */
    public static String nameTooLong(String table, ShardSpec shard) {
        int bytes = name(table, shard).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return bytes <= FileNamePattern.MAX_SEGMENT_BYTES ? null : "the writer keeps its state in the folder .otsrange/<table>.<shard>,"
                + " here " + bytes + " bytes long: more than the " + FileNamePattern.MAX_SEGMENT_BYTES + " bytes a folder name may have";
    }
}

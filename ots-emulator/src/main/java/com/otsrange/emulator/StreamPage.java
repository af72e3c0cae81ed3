package com.otsrange.emulator;

import java.util.List;

/**
 * One GetStreamRecord answer: the records, the position after them, whether that is the end of
 * a closed shard (no next iterator then) and whether more records follow already.
 */
record StreamPage(List<StreamEntry> records, long next, boolean shardEnded, boolean more) {
}

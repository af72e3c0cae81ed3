package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.core.protocol.OtsInternalApi.ActionType;

/**
 * One record of a shard: when it was committed (stream clock, microseconds), its row index among
 * the records one request wrote to this shard, its action and the PlainBuffer row GetStreamRecord
 * returns as it is.
 */
record StreamEntry(long timestampMicros, int rowIndex, ActionType action, byte[] record) {
}

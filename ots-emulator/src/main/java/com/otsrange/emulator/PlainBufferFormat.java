package com.otsrange.emulator;

/**
 * The PlainBuffer format's tags, cell operation types and header: a class of their own so that
 * {@link EncodedName} (a column name's pre-encoded cell head) and {@link PlainBufferWriter} (which
 * writes those heads) both use them without depending on each other.
 */
final class PlainBufferFormat {
    static final byte TAG_ROW_PK = 1;
    static final byte TAG_ROW_DATA = 2;
    static final byte TAG_CELL = 3;
    static final byte TAG_CELL_NAME = 4;
    static final byte TAG_CELL_VALUE = 5;
    static final byte TAG_CELL_TYPE = 6;
    static final byte TAG_CELL_TIMESTAMP = 7;
    static final byte TAG_DELETE_ROW_MARKER = 8;
    static final byte TAG_ROW_CHECKSUM = 9;
    static final byte TAG_CELL_CHECKSUM = 10;
    static final byte TAG_EXTENSION = 11;
    static final byte TAG_SEQ_INFO = 12;
    static final byte TAG_SEQ_INFO_EPOCH = 13;
    static final byte TAG_SEQ_INFO_TS = 14;
    static final byte TAG_SEQ_INFO_ROW_INDEX = 15;
    /** Cell operation types (TAG_CELL_TYPE): delete every version of a column, delete one version. */
    static final byte DELETE_ALL_VERSION = 1;
    static final byte DELETE_ONE_VERSION = 3;
    static final int HEADER = 0x75;

    private PlainBufferFormat() {
    }
}

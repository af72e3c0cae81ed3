package com.otsrange.runner;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.serializer.SerializerFeature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's Record, sized as DataX's DefaultRecord: byte size = sum of the columns' byte sizes;
 * memory size = 80 (record head) + per column 24 (column head) + its byte size. Meta is kept as given.
 * Public so that tests driving a plugin task without the engine hand it the records the engine would.
 */
public final class LocalRecord implements Record {

    static final int RECORD_HEAD = 80;
    static final int COLUMN_HEAD = 24;

    private final List<Column> columns = new ArrayList<>(16);
    private int byteSize;
    private int memorySize = RECORD_HEAD;
    private Map<String, String> meta;

    @Override
    public void addColumn(Column column) {
        columns.add(column);
        grow(column);
    }

    /** Grows with nulls up to {@code i}, as DataX does. */
    @Override
    public void setColumn(int i, Column column) {
        if (i < 0) {
            throw DataXException.asDataXException(FrameworkErrorCode.RUNTIME_ERROR,
                    "A column index must not be negative: " + i);
        }
        while (columns.size() <= i) {
            columns.add(null);
        }
        shrink(columns.get(i));
        columns.set(i, column);
        grow(column);
    }

    /** Null for an index out of range. */
    @Override
    public Column getColumn(int i) {
        if (i < 0 || i >= columns.size()) {
            return null;
        }
        return columns.get(i);
    }

    @Override
    public int getColumnNumber() {
        return columns.size();
    }

    @Override
    public int getByteSize() {
        return byteSize;
    }

    @Override
    public int getMemorySize() {
        return memorySize;
    }

    @Override
    public void setMeta(Map<String, String> meta) {
        this.meta = meta;
    }

    @Override
    public Map<String, String> getMeta() {
        return meta;
    }

    @Override
    public String toString() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("size", columns.size());
        json.put("data", columns);
        return JSON.toJSONString(json, SerializerFeature.DisableCircularReferenceDetect);
    }

    private void grow(Column column) {
        if (column != null) {
            byteSize += column.getByteSize();
            memorySize += COLUMN_HEAD + column.getByteSize();
        }
    }

    private void shrink(Column column) {
        if (column != null) {
            byteSize -= column.getByteSize();
            memorySize -= COLUMN_HEAD + column.getByteSize();
        }
    }
}

package com.alibaba.datax.common.element;

import java.util.Map;

/** One row moving from a reader task to its writer task; meta travels with it. */
public interface Record {

    void addColumn(Column column);

    void setColumn(int i, Column column);

    Column getColumn(int i);

    String toString();

    int getColumnNumber();

    int getByteSize();

    int getMemorySize();

    void setMeta(Map<String, String> meta);

    Map<String, String> getMeta();
}

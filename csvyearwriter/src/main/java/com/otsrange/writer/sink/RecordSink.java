package com.otsrange.writer.sink;

import com.alibaba.datax.common.element.Record;

import java.io.IOException;

/** What a writer task feeds its records to. */
public interface RecordSink {
    /** Returns null when the record was written, otherwise why it cannot be routed (a dirty record). */
    String accept(Record record) throws IOException;

    /** End of input: commit (paired) or publish parts (generic). */
    void finish() throws IOException;

    /** Failure: drop unfinished temp files; never commit. */
    void abort();
}

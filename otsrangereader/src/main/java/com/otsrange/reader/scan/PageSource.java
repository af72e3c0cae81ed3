package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.model.PrimaryKey;

/** Fetches one answer of [start, end) (retries included); thread-safe. */
public interface PageSource {
    Page fetch(PrimaryKey start, PrimaryKey end, ScanRequest request);
}

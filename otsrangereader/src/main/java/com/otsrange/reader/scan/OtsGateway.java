package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.model.BulkExportResponse;
import com.alicloud.openservices.tablestore.model.GetRangeResponse;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.RangeRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.Split;
import com.alicloud.openservices.tablestore.model.tunnel.BulkExportQueryCriteria;

import java.io.Closeable;
import java.util.List;

/** The few TableStore calls the reader makes, each already under the retry policy. */
public interface OtsGateway extends Closeable {
    List<PrimaryKeySchema> primaryKey(String table);

    GetRangeResponse getRange(RangeRowQueryCriteria criteria);

    /**
     * One BulkExport answer. An error retrying cannot fix (e.g. the service does not offer
     * BulkExport, or this user may not call it) is thrown as {@link BulkExportRefused}.
     */
    BulkExportResponse bulkExport(BulkExportQueryCriteria criteria);

    /** ComputeSplitsBySize in units of 100 MB; empty when the service cannot answer. */
    List<Split> splits(String table);

    /** Retries performed so far. */
    long retries();

    @Override
    void close();
}

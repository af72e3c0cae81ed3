package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.model.BulkExportResponse;
import com.alicloud.openservices.tablestore.model.DescribeStreamRequest;
import com.alicloud.openservices.tablestore.model.DescribeStreamResponse;
import com.alicloud.openservices.tablestore.model.GetRangeResponse;
import com.alicloud.openservices.tablestore.model.GetShardIteratorRequest;
import com.alicloud.openservices.tablestore.model.GetStreamRecordRequest;
import com.alicloud.openservices.tablestore.model.GetStreamRecordResponse;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.RangeRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.Split;
import com.alicloud.openservices.tablestore.model.Stream;
import com.alicloud.openservices.tablestore.model.StreamDetails;
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

    // The table's Stream (changes: "stream"). A call that meets trimmed records, or a stream or
    // shard that no longer exists, throws StreamGone (never retried).

    /** DescribeTable's stream details (enabled, stream id, expiration). */
    StreamDetails streamDetails(String table);

    /** ListStream of the table: its stream (none when the stream is not enabled). */
    List<Stream> streams(String table);

    /** One page of DescribeStream. */
    DescribeStreamResponse describeStream(DescribeStreamRequest request);

    /** GetShardIterator: the iterator at the shard's oldest record kept, or at a timestamp. */
    String shardIterator(GetShardIteratorRequest request);

    /** One page of GetStreamRecord. */
    GetStreamRecordResponse streamRecords(GetStreamRecordRequest request);

    /** Retries performed so far. */
    long retries();

    @Override
    void close();
}

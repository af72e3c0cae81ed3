package com.otsrange.reader.plan;

import com.alicloud.openservices.tablestore.model.BulkExportResponse;
import com.alicloud.openservices.tablestore.model.DescribeStreamRequest;
import com.alicloud.openservices.tablestore.model.DescribeStreamResponse;
import com.alicloud.openservices.tablestore.model.GetShardIteratorRequest;
import com.alicloud.openservices.tablestore.model.GetStreamRecordRequest;
import com.alicloud.openservices.tablestore.model.GetStreamRecordResponse;
import com.alicloud.openservices.tablestore.model.GetRangeResponse;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.RangeRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.Split;
import com.alicloud.openservices.tablestore.model.Stream;
import com.alicloud.openservices.tablestore.model.StreamDetails;
import com.alicloud.openservices.tablestore.model.tunnel.BulkExportQueryCriteria;
import com.otsrange.reader.scan.OtsGateway;

import java.util.ArrayList;
import java.util.List;

/** Metadata-only gateway for planning tests. */
final class FakeGateway implements OtsGateway {
    final List<PrimaryKeySchema> pk;
    final List<Split> splits = new ArrayList<>();

    FakeGateway(List<PrimaryKeySchema> pk) {
        this.pk = pk;
    }

    @Override
    public List<PrimaryKeySchema> primaryKey(String table) {
        return pk;
    }

    @Override
    public GetRangeResponse getRange(RangeRowQueryCriteria criteria) {
        throw new UnsupportedOperationException("planning with bounds reads no rows");
    }

    @Override
    public BulkExportResponse bulkExport(BulkExportQueryCriteria criteria) {
        throw new UnsupportedOperationException("planning with bounds reads no rows");
    }

    @Override
    public List<Split> splits(String table) {
        return splits;
    }

    @Override
    public StreamDetails streamDetails(String table) {
        throw new UnsupportedOperationException("planning tests read no stream");
    }

    @Override
    public List<Stream> streams(String table) {
        throw new UnsupportedOperationException("planning tests read no stream");
    }

    @Override
    public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
        throw new UnsupportedOperationException("planning tests read no stream");
    }

    @Override
    public String shardIterator(GetShardIteratorRequest request) {
        throw new UnsupportedOperationException("planning tests read no stream");
    }

    @Override
    public GetStreamRecordResponse streamRecords(GetStreamRecordRequest request) {
        throw new UnsupportedOperationException("planning tests read no stream");
    }

    @Override
    public long retries() {
        return 0;
    }

    @Override
    public void close() {
    }
}

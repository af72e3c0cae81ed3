package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.TableStoreException;
import com.alicloud.openservices.tablestore.model.BulkExportRequest;
import com.alicloud.openservices.tablestore.model.BulkExportResponse;
import com.alicloud.openservices.tablestore.model.ComputeSplitsBySizeRequest;
import com.alicloud.openservices.tablestore.model.DescribeStreamRequest;
import com.alicloud.openservices.tablestore.model.DescribeStreamResponse;
import com.alicloud.openservices.tablestore.model.DescribeTableRequest;
import com.alicloud.openservices.tablestore.model.GetRangeRequest;
import com.alicloud.openservices.tablestore.model.GetRangeResponse;
import com.alicloud.openservices.tablestore.model.GetShardIteratorRequest;
import com.alicloud.openservices.tablestore.model.GetStreamRecordRequest;
import com.alicloud.openservices.tablestore.model.GetStreamRecordResponse;
import com.alicloud.openservices.tablestore.model.ListStreamRequest;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.RangeRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.Split;
import com.alicloud.openservices.tablestore.model.Stream;
import com.alicloud.openservices.tablestore.model.StreamDetails;
import com.alicloud.openservices.tablestore.model.tunnel.BulkExportQueryCriteria;
import com.alibaba.datax.common.exception.DataXException;
import com.otsrange.reader.error.OtsRangeReaderErrorCode;
import com.otsrange.reader.config.ConnectionSpec;
import com.otsrange.reader.config.ReadApi;
import com.otsrange.reader.config.Tuning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/** {@link OtsGateway} over a shared TableStore SDK SyncClient, the SDK's own retries switched off, ours per gateway. */
public final class SdkGateway implements OtsGateway {
    private static final Logger LOG = LoggerFactory.getLogger(SdkGateway.class);

    private final SharedClients.Lease lease;
    private final SyncClient client;
    private final Retrier retrier;
    private final String table;

    /** Uses the JVM's shared client for this connection (created on first use); {@link #close()} lets go of it. */
    public SdkGateway(ConnectionSpec c, String table, Tuning tuning) {
        this.lease = SharedClients.acquire(c, tuning.requestTimeoutMs());
        this.client = lease.client();
        this.table = table;
        this.retrier = new Retrier(new RetryPolicy(tuning.maxRetries(), tuning.retryInitialDelayMs(), tuning.retryMaxDelayMs(),
                tuning.retryMaxElapsedMs()), table);
    }

    /** The SDK client behind this gateway (tests check that it is shared). */
    SyncClient client() {
        return client;
    }

    @Override
    public List<PrimaryKeySchema> primaryKey(String table) {
        return retrier.call("DescribeTable", () -> client.describeTable(new DescribeTableRequest(table)))
                .getTableMeta().getPrimaryKeyList();
    }

    @Override
    public GetRangeResponse getRange(RangeRowQueryCriteria criteria) {
        GetRangeRequest request = new GetRangeRequest(criteria);
        return retrier.call("GetRange", () -> client.getRange(request));
    }

    @Override
    public BulkExportResponse bulkExport(BulkExportQueryCriteria criteria) {
        BulkExportRequest request = new BulkExportRequest(criteria);
        return retrier.call("BulkExport", () -> {
            try {
                return client.bulkExport(request);
            } catch (TableStoreException e) {
                // a missing table or a wrong key fails GetRange alike: report it as such, not as a refusal
                if (RetryPolicy.isRetryable(e) || "OTSObjectNotExist".equals(e.getErrorCode()) || "OTSAuthFailed".equals(e.getErrorCode())) {
                    throw e;
                }
                throw new BulkExportRefused(e);
            }
        });
    }

    /** Where a task reads its rows, as {@code readApi} says ({@code pageSize}: GetRange's row limit, 0 = none). */
    public PageSource pages(ReadApi api, int pageSize) {
        PageSource getRange = new GetRangePages(this, table, pageSize);
        PageSource bulkExport = new BulkExportPages(this, table);
        switch (api) {
            case GET_RANGE:
                return getRange;
            case BULK_EXPORT:
                return (start, end, request) -> {
                    try {
                        return bulkExport.fetch(start, end, request);
                    } catch (BulkExportRefused e) {
                        throw DataXException.asDataXException(OtsRangeReaderErrorCode.REQUEST_REJECTED, "BulkExport on table " + table
                                + " refused by the service: " + e.getMessage() + "; set parameter.readApi to \"auto\" (falls back to"
                                + " GetRange) or \"getRange\"");
                    }
                };
            default:
                return new AutoPages(bulkExport, getRange, lease.bulkExportProbe(table), table);
        }
    }

    @Override
    public List<Split> splits(String table) {
        try {
            return retrier.call("ComputeSplitsBySize", () -> client.computeSplitsBySize(new ComputeSplitsBySizeRequest(table, 1)))
                    .getSplits();
        } catch (RuntimeException e) {
            // only an estimate: the plan falls back to time spans
            LOG.info("ComputeSplitsBySize unavailable for table {} ({}); balancing by time span only", table, e.getMessage());
            return Collections.emptyList();
        }
    }

    @Override
    public StreamDetails streamDetails(String table) {
        return retrier.call("DescribeTable", () -> client.describeTable(new DescribeTableRequest(table))).getStreamDetails();
    }

    @Override
    public List<Stream> streams(String table) {
        return retrier.call("ListStream", () -> client.listStream(new ListStreamRequest(table))).getStreams();
    }

    @Override
    public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
        return retrier.call("DescribeStream", streamCall(() -> client.describeStream(request)));
    }

    @Override
    public String shardIterator(GetShardIteratorRequest request) {
        return retrier.call("GetShardIterator", streamCall(() -> client.getShardIterator(request))).getShardIterator();
    }

    @Override
    public GetStreamRecordResponse streamRecords(GetStreamRecordRequest request) {
        return retrier.call("GetStreamRecord", streamCall(() -> client.getStreamRecord(request)));
    }

    /** A Stream call whose "trimmed" or "does not exist" answer is the caller's to report, not a missing table. */
    private static <T> Callable<T> streamCall(Callable<T> call) {
        return () -> {
            try {
                return call.call();
            } catch (TableStoreException e) {
                if (StreamGone.is(e)) {
                    throw new StreamGone(e);
                }
                throw e;
            }
        };
    }

    @Override
    public long retries() {
        return retrier.retries();
    }

    @Override
    public void close() {
        lease.close();
    }
}

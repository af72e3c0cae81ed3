package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.ClientConfiguration;
import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.ComputeSplitsBySizeRequest;
import com.alicloud.openservices.tablestore.model.DescribeTableRequest;
import com.alicloud.openservices.tablestore.model.GetRangeRequest;
import com.alicloud.openservices.tablestore.model.GetRangeResponse;
import com.alicloud.openservices.tablestore.model.NoRetryStrategy;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.RangeRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.Split;
import com.otsrange.reader.config.ConnectionSpec;
import com.otsrange.reader.config.Tuning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.List;

/** {@link OtsGateway} over the TableStore SDK's SyncClient with the SDK's own retries switched off. */
public final class SdkGateway implements OtsGateway {
    private static final Logger LOG = LoggerFactory.getLogger(SdkGateway.class);

    private final SyncClient client;
    private final Retrier retrier;

    public SdkGateway(ConnectionSpec c, String table, Tuning tuning) {
        ClientConfiguration conf = new ClientConfiguration();
        conf.setRetryStrategy(new NoRetryStrategy());
        conf.setConnectionTimeoutInMillisecond(Math.min(tuning.requestTimeoutMs(), 10_000));
        conf.setSocketTimeoutInMillisecond(tuning.requestTimeoutMs());
        conf.setSyncClientWaitFutureTimeoutInMillis(tuning.requestTimeoutMs() + 5_000L);
        conf.setIoThreadCount(1);
        conf.setMaxConnections(16);
        this.client = new SyncClient(c.endpoint(), c.accessId(), c.accessKey(), c.instanceName(), conf);
        this.retrier = new Retrier(new RetryPolicy(tuning.maxRetries(), tuning.retryInitialDelayMs(), tuning.retryMaxDelayMs(),
                tuning.retryMaxElapsedMs()), table);
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
    public long retries() {
        return retrier.retries();
    }

    @Override
    public void close() {
        client.shutdown();
    }
}

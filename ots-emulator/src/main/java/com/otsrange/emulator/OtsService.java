package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.core.protocol.OtsInternalApi;
import com.alicloud.openservices.tablestore.core.protocol.OtsInternalApi.OperationType;
import com.aliyun.ots.thirdparty.com.google.protobuf.ByteString;
import com.aliyun.ots.thirdparty.com.google.protobuf.InvalidProtocolBufferException;
import com.aliyun.ots.thirdparty.com.google.protobuf.MessageLite;

import java.io.ByteArrayOutputStream;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** The TableStore protocol: checks, faults, then one handler per action. */
final class OtsService {
    static final int MAX_BODY_BYTES = 5 * 1024 * 1024;

    private final Store store;
    private final Auth auth;
    private final EmulatorStats stats;
    private final FaultInjector faults;
    private final Tables tables;
    private final Rows rows;
    private final Ranges ranges;
    private final BulkExports bulkExports;
    private final Streams streams;
    private final Set<String> disabled;

    /** @param disabled actions answered as unsupported, like a service without them (e.g. BulkExport) */
    OtsService(Store store, Auth auth, EmulatorStats stats, FaultInjector faults, Set<String> disabled,
               java.util.concurrent.atomic.AtomicInteger bulkExportRows) {
        this.store = store;
        this.auth = auth;
        this.stats = stats;
        this.faults = faults;
        this.tables = new Tables(store);
        this.rows = new Rows(store, stats);
        this.ranges = new Ranges(store, stats);
        this.bulkExports = new BulkExports(store, stats, bulkExportRows);
        this.streams = new Streams(store);
        this.disabled = Set.copyOf(disabled);
    }

    HttpAnswer handle(HttpExchangeData req) {
        String action = action(req);
        String requestId = newRequestId();
        stats.request(action.isEmpty() ? "(none)" : action);
        try {
            if (!"POST".equals(req.method())) {
                throw new OtsError(405, "OTSMethodNotAllowed", "Only POST method for requests is supported.");
            }
            if (req.body().length > MAX_BODY_BYTES) {
                throw new OtsError(413, "OTSRequestBodyTooLarge", "The size of POST data is too large.");
            }
            auth.verify(action, req.headers(), req.body());
            if (!implemented(action) || disabled.contains(action)) {
                throw OtsError.param("Unsupported operation: '" + action + "'.");
            }
            FaultInjector.Decision d = faults.decide(action);
            if (d.delayMs() > 0) {
                stats.fault("slow");
                sleep(d.delayMs());
            }
            switch (d.kind()) {
                case BUSY:
                    stats.fault("busy");
                    throw new OtsError(503, "OTSServerBusy", "Server is busy.");
                case TIMEOUT:
                    stats.fault("timeout");
                    throw new OtsError(503, "OTSTimeout", "Operation timeout.");
                case THROTTLE:
                    stats.fault("throttle");
                    throw new OtsError(403, "OTSQuotaExhausted", "Too frequent table operations.");
                case RESET:
                    stats.fault("reset");
                    return HttpAnswer.RESET;
                default:
                    break;
            }
            byte[] body = inflateIfNeeded(req);
            MessageLite response = dispatch(action, body);
            return ok(action, requestId, response.toByteArray());
        } catch (OtsError e) {
            return error(action, requestId, e.status(), e.code(), e.getMessage());
        } catch (InvalidProtocolBufferException e) {
            return error(action, requestId, 400, "OTSParameterInvalid", "Failed to parse the request: " + e.getMessage());
        } catch (RuntimeException e) {
            return error(action, requestId, 500, "OTSInternalServerError", "Internal server error: " + e);
        }
    }

    /** The action is the request path: {@code POST /GetRange}. */
    private static String action(HttpExchangeData req) {
        String path = req.path();
        int q = path.indexOf('?');
        if (q >= 0) path = path.substring(0, q);
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static boolean implemented(String action) {
        switch (action) {
            case "ListTable": case "CreateTable": case "DescribeTable": case "DeleteTable": case "PutRow": case "UpdateRow":
            case "DeleteRow": case "GetRow": case "BatchWriteRow": case "GetRange": case "ComputeSplitPointsBySize": case "BulkExport":
            case "UpdateTable": case "ListStream": case "DescribeStream": case "GetShardIterator": case "GetStreamRecord":
                return true;
            default:
                return false;
        }
    }

    private MessageLite dispatch(String action, byte[] body) throws InvalidProtocolBufferException {
        switch (action) {
            case "ListTable": return tables.list();
            case "CreateTable": return tables.create(OtsInternalApi.CreateTableRequest.parseFrom(body));
            case "DescribeTable": return tables.describe(OtsInternalApi.DescribeTableRequest.parseFrom(body));
            case "DeleteTable": return tables.delete(OtsInternalApi.DeleteTableRequest.parseFrom(body));
            case "UpdateTable": return tables.update(OtsInternalApi.UpdateTableRequest.parseFrom(body));
            case "ListStream": return streams.list(OtsInternalApi.ListStreamRequest.parseFrom(body));
            case "DescribeStream": return streams.describe(OtsInternalApi.DescribeStreamRequest.parseFrom(body));
            case "GetShardIterator": return streams.iterator(OtsInternalApi.GetShardIteratorRequest.parseFrom(body));
            case "GetStreamRecord": return streams.records(OtsInternalApi.GetStreamRecordRequest.parseFrom(body));
            case "PutRow": {
                OtsInternalApi.PutRowRequest r = OtsInternalApi.PutRowRequest.parseFrom(body);
                ByteString row = rows.writeOne(r.getTableName(), OperationType.PUT, r.getRow(),
                    r.hasCondition() ? r.getCondition() : null, r.hasReturnContent() ? r.getReturnContent() : null);
                OtsInternalApi.PutRowResponse.Builder b = OtsInternalApi.PutRowResponse.newBuilder().setConsumed(Tables.consumed(0, 1));
                if (row != null) b.setRow(row);
                return b.build();
            }
            case "UpdateRow": {
                OtsInternalApi.UpdateRowRequest r = OtsInternalApi.UpdateRowRequest.parseFrom(body);
                ByteString row = rows.writeOne(r.getTableName(), OperationType.UPDATE, r.getRowChange(),
                    r.hasCondition() ? r.getCondition() : null, r.hasReturnContent() ? r.getReturnContent() : null);
                OtsInternalApi.UpdateRowResponse.Builder b = OtsInternalApi.UpdateRowResponse.newBuilder().setConsumed(Tables.consumed(0, 1));
                if (row != null) b.setRow(row);
                return b.build();
            }
            case "DeleteRow": {
                OtsInternalApi.DeleteRowRequest r = OtsInternalApi.DeleteRowRequest.parseFrom(body);
                ByteString row = rows.writeOne(r.getTableName(), OperationType.DELETE, r.getPrimaryKey(),
                    r.hasCondition() ? r.getCondition() : null, r.hasReturnContent() ? r.getReturnContent() : null);
                OtsInternalApi.DeleteRowResponse.Builder b = OtsInternalApi.DeleteRowResponse.newBuilder().setConsumed(Tables.consumed(0, 1));
                if (row != null) b.setRow(row);
                return b.build();
            }
            case "BatchWriteRow": return rows.batchWrite(OtsInternalApi.BatchWriteRowRequest.parseFrom(body));
            case "GetRow": return ranges.getRow(OtsInternalApi.GetRowRequest.parseFrom(body));
            case "GetRange": return ranges.getRange(OtsInternalApi.GetRangeRequest.parseFrom(body));
            case "BulkExport": return bulkExports.bulkExport(OtsInternalApi.BulkExportRequest.parseFrom(body));
            case "ComputeSplitPointsBySize":
                return tables.splitPoints(OtsInternalApi.ComputeSplitPointsBySizeRequest.parseFrom(body));
            default:
                throw OtsError.param("Unsupported operation: '" + action + "'.");
        }
    }

    private static byte[] inflateIfNeeded(HttpExchangeData req) {
        String type = req.headers().get("x-ots-request-compress-type");
        if (type == null) return req.body();
        if (!"deflate".equalsIgnoreCase(type.trim())) throw OtsError.param("Unsupported compress type: " + type + ".");
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(req.body());
            ByteArrayOutputStream out = new ByteArrayOutputStream(req.body().length * 4);
            byte[] buf = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
                out.write(buf, 0, n);
                if (out.size() > MAX_BODY_BYTES) throw new OtsError(413, "OTSRequestBodyTooLarge", "The size of POST data is too large.");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw OtsError.param("Failed to decompress the request body.");
        } finally {
            inflater.end();
        }
    }

    /**
     * The answer to a request whose handling threw past {@link #handle} (an {@link Error} such as
     * OutOfMemoryError): 503 OTSServerBusy, which the SDK and the reader retry. A write may have
     * been applied in part; PutRow-style writes are safe to retry.
     */
    HttpAnswer failed(HttpExchangeData req, Throwable t) {
        String action = action(req);
        String hint = t instanceof OutOfMemoryError
            ? "; the emulator holds every table in memory: give it more heap (JAVA_OPTS=-Xmx4g) or fewer rows" : "";
        return error(action, newRequestId(), 503, "OTSServerBusy", "ots-emulator could not handle the request: " + t + hint);
    }

    private HttpAnswer ok(String action, String requestId, byte[] body) {
        return new HttpAnswer(200, auth.responseHeaders(action, requestId, body), body);
    }

    private HttpAnswer error(String action, String requestId, int status, String code, String message) {
        stats.error(code);
        byte[] body = OtsInternalApi.Error.newBuilder().setCode(code).setMessage(message).build().toByteArray();
        return new HttpAnswer(status, auth.responseHeaders(action, requestId, body), body);
    }

    private static String newRequestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("%08x-%04x-%04x-%04x-%012x", r.nextInt(), r.nextInt(0x10000), r.nextInt(0x10000),
            r.nextInt(0x10000), r.nextLong() & 0xFFFFFFFFFFFFL);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

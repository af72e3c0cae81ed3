package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.TableStoreException;
import com.alicloud.openservices.tablestore.model.Column;
import com.alicloud.openservices.tablestore.model.GetRangeRequest;
import com.alicloud.openservices.tablestore.model.GetRangeResponse;
import com.alicloud.openservices.tablestore.model.PrimaryKey;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeySchema;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.RangeRowQueryCriteria;
import com.alicloud.openservices.tablestore.model.Row;
import com.alicloud.openservices.tablestore.model.DescribeTableRequest;

import java.io.PrintStream;
import java.util.List;

/**
 * Prints the first rows of a table through the SDK:
 * {@code Peek --endpoint URL --instance NAME --access-id ID --access-key KEY --table T [--limit N]}.
 * One line per row: PK columns, then {@code name=value} per attribute column. With
 * {@code --stream}, the latest records of the table's stream instead (see {@link StreamPeek}).
 */
public final class Peek {
    private Peek() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.exit(code);
    }

    static final String USAGE = "usage: peek --endpoint URL --instance NAME --access-id ID --access-key KEY [--table T] [--limit N] [--stream]";

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String endpoint = null;
        String instance = null;
        String id = null;
        String key = null;
        String table = DemoData.TABLE;
        int limit = 10;
        boolean stream = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if ("--stream".equals(a)) {
                    stream = true;
                    continue;
                }
                if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
                String v = args[++i];
                switch (a) {
                    case "--endpoint":
                        endpoint = v;
                        break;
                    case "--instance":
                        instance = v;
                        break;
                    case "--access-id":
                        id = v;
                        break;
                    case "--access-key":
                        key = v;
                        break;
                    case "--table":
                        table = v;
                        break;
                    case "--limit":
                        limit = Integer.parseInt(v);
                        break;
                    default: throw new IllegalArgumentException("unknown option '" + a + "'");
                }
            }
            if (endpoint == null || instance == null || id == null || key == null) {
                throw new IllegalArgumentException("--endpoint, --instance, --access-id and --access-key are required");
            }
            if (limit < 1) throw new IllegalArgumentException("--limit must be >= 1");
        } catch (IllegalArgumentException e) {
            err.println("peek: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        SyncClient client = new SyncClient(endpoint, id, key, instance);
        try {
            if (stream) {
                List<String> lines = StreamPeek.latest(client, table, limit);
                if (lines == null) {
                    err.println("peek: table '" + table + "' has no stream (UpdateTable with a StreamSpecification enables one)");
                    return 1;
                }
                lines.forEach(out::println);
                return 0;
            }
            printRows(client, table, limit, out);
            return 0;
        } catch (TableStoreException e) {
            // the code says what to fix (OTSAuthFailed, OTSObjectNotExist...); the message alone often does not
            err.println("peek: " + e.getErrorCode() + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("peek: " + e.getMessage());
            return 1;
        } finally {
            client.shutdown();
        }
    }

    private static void printRows(SyncClient client, String table, int limit, PrintStream out) {
        List<PrimaryKeySchema> schema = client.describeTable(new DescribeTableRequest(table)).getTableMeta().getPrimaryKeyList();
        PrimaryKeyBuilder start = PrimaryKeyBuilder.createPrimaryKeyBuilder();
        PrimaryKeyBuilder end = PrimaryKeyBuilder.createPrimaryKeyBuilder();
        for (PrimaryKeySchema s : schema) {
            start.addPrimaryKeyColumn(s.getName(), PrimaryKeyValue.INF_MIN);
            end.addPrimaryKeyColumn(s.getName(), PrimaryKeyValue.INF_MAX);
        }
        RangeRowQueryCriteria c = new RangeRowQueryCriteria(table);
        c.setInclusiveStartPrimaryKey(start.build());
        c.setExclusiveEndPrimaryKey(end.build());
        c.setMaxVersions(1);
        c.setLimit(Math.min(limit, 5000));
        int printed = 0;
        while (printed < limit) {
            GetRangeResponse r = client.getRange(new GetRangeRequest(c));
            for (Row row : r.getRows()) {
                if (printed++ >= limit) break;
                out.println(format(row));
            }
            PrimaryKey next = r.getNextStartPrimaryKey();
            if (next == null) break;
            c.setInclusiveStartPrimaryKey(next);
        }
    }

    static String format(Row row) {
        StringBuilder sb = new StringBuilder(PrimaryKeyText.of(row.getPrimaryKey()));
        sb.append(" |");
        for (Column col : row.getColumns()) sb.append(' ').append(col.getName()).append('=').append(col.getValue());
        return sb.toString();
    }
}

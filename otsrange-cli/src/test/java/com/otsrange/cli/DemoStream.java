package com.otsrange.cli;

import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.model.ColumnValue;
import com.alicloud.openservices.tablestore.model.PrimaryKeyBuilder;
import com.alicloud.openservices.tablestore.model.PrimaryKeyValue;
import com.alicloud.openservices.tablestore.model.PutRowRequest;
import com.alicloud.openservices.tablestore.model.RowPutChange;
import com.alicloud.openservices.tablestore.model.StreamSpecification;
import com.alicloud.openservices.tablestore.model.UpdateTableRequest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;

/** The demo table's Stream in tests of changes "stream": enable it, write a late reading. */
final class DemoStream {
    static final String TABLE = "sensor_data";

    private DemoStream() {
    }

    static void enable(SyncClient client) {
        UpdateTableRequest enable = new UpdateTableRequest(TABLE);
        enable.setStreamSpecification(new StreamSpecification(true, 24));
        client.updateTable(enable);
    }

    /** A reading of {@code device} with dim 0 at {@code time} (ISO-8601 with offset), written now. */
    static void lateReading(SyncClient client, String device, String time) {
        RowPutChange late = new RowPutChange(TABLE, key(device, OffsetDateTime.parse(time).toInstant().toEpochMilli(),
                PrimaryKeyValue.fromLong(0)));
        late.addColumn("p20_1", ColumnValue.fromDouble(1.5));
        client.putRow(new PutRowRequest(late));
    }

    /** Deletes every dim-0 reading of {@code device} in [from, to) (ISO-8601 with offset); returns how many. */
    static int deleteReadings(SyncClient client, String device, String from, String to) {
        com.alicloud.openservices.tablestore.model.RangeRowQueryCriteria c =
                new com.alicloud.openservices.tablestore.model.RangeRowQueryCriteria(TABLE);
        c.setInclusiveStartPrimaryKey(key(device, OffsetDateTime.parse(from).toInstant().toEpochMilli(), PrimaryKeyValue.INF_MIN));
        c.setExclusiveEndPrimaryKey(key(device, OffsetDateTime.parse(to).toInstant().toEpochMilli(), PrimaryKeyValue.INF_MIN));
        c.setMaxVersions(1);
        int n = 0;
        com.alicloud.openservices.tablestore.model.PrimaryKey next;
        do {
            com.alicloud.openservices.tablestore.model.GetRangeResponse page =
                    client.getRange(new com.alicloud.openservices.tablestore.model.GetRangeRequest(c));
            for (com.alicloud.openservices.tablestore.model.Row row : page.getRows()) {
                if (row.getPrimaryKey().getPrimaryKeyColumn("dim").getValue().asLong() == 0) {
                    client.deleteRow(new com.alicloud.openservices.tablestore.model.DeleteRowRequest(
                            new com.alicloud.openservices.tablestore.model.RowDeleteChange(TABLE, row.getPrimaryKey())));
                    n++;
                }
            }
            next = page.getNextStartPrimaryKey();
            if (next != null) {
                c.setInclusiveStartPrimaryKey(next);
            }
        } while (next != null);
        return n;
    }

    private static com.alicloud.openservices.tablestore.model.PrimaryKey key(String device, long ct, PrimaryKeyValue dim) {
        return PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("id", PrimaryKeyValue.fromString(device))
                .addPrimaryKeyColumn("ct", PrimaryKeyValue.fromLong(ct)).addPrimaryKeyColumn("dim", dim).build();
    }

    /** job/incremental.json with the emulator's connection, the output folder and {@code "changes": changes}. */
    static String incrementalJob(String endpoint, String instance, String secret, Path out, String changes) throws IOException {
        return new String(java.nio.file.Files.readAllBytes(ValidateCommandTest.ROOT.resolve("job/incremental.json")),
                java.nio.charset.StandardCharsets.UTF_8)
                .replace("${endpoint}", endpoint).replace("${instanceName}", instance).replace("${accessId}", "id")
                .replace("${accessKey}", secret).replace("${outputDir}", out.toString().replace("\\", "/"))
                .replace("\"resume\": true", "\"resume\": true, \"changes\": " + changes);
    }
}

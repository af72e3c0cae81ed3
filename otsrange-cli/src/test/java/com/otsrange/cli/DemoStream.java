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
        RowPutChange late = new RowPutChange(TABLE, PrimaryKeyBuilder.createPrimaryKeyBuilder()
                .addPrimaryKeyColumn("id", PrimaryKeyValue.fromString(device))
                .addPrimaryKeyColumn("ct", PrimaryKeyValue.fromLong(OffsetDateTime.parse(time).toInstant().toEpochMilli()))
                .addPrimaryKeyColumn("dim", PrimaryKeyValue.fromLong(0)).build());
        late.addColumn("p20_1", ColumnValue.fromDouble(1.5));
        client.putRow(new PutRowRequest(late));
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

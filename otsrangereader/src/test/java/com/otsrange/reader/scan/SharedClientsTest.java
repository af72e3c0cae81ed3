package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.model.PrimaryKeyType;
import com.otsrange.reader.config.ConnectionSpec;
import com.otsrange.reader.config.Tuning;
import com.otsrange.testkit.Emu;
import com.otsrange.testkit.Jobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tasks of one connection share one SDK client, released when the last of them closes. */
class SharedClientsTest {
    static Emu emu;

    @BeforeAll
    static void start() throws Exception {
        emu = new Emu("getRange");
        emu.createTable("t", "id", PrimaryKeyType.STRING, "ct", PrimaryKeyType.INTEGER);
        List<Emu.SrcRow> rows = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            for (int i = 0; i < 3; i++) {
                rows.add(new Emu.SrcRow(Arrays.<Object>asList("k" + k, 1672531200000L + i * 40L * 86_400_000L),
                        Map.<String, Object>of("v", (long) i)));
            }
        }
        emu.load("t", Arrays.asList("id", "ct"), rows);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    ConnectionSpec connection(String id) {
        return new ConnectionSpec(emu.endpoint(), id, Emu.SECRET, Emu.INSTANCE);
    }

    @Test
    void gatewaysOfOneConnectionShareOneClientUntilTheLastCloses() {
        long createdBefore = SharedClients.created();
        SdkGateway a = new SdkGateway(connection(Emu.ID), "t", Tuning.defaults());
        SdkGateway b = new SdkGateway(connection(Emu.ID), "t", Tuning.defaults());
        SdkGateway other = new SdkGateway(connection("someone-else"), "t", Tuning.defaults());
        assertSame(a.client(), b.client());
        assertNotSame(a.client(), other.client());
        assertEquals(createdBefore + 2, SharedClients.created());
        other.close();

        a.close();
        a.close(); // closing twice releases once
        assertEquals(2, b.primaryKey("t").size(), "the other task's client still works");
        b.close();
        assertEquals(0, SharedClients.alive());

        SdkGateway c = new SdkGateway(connection(Emu.ID), "t", Tuning.defaults());
        try {
            assertNotSame(b.client(), c.client(), "a fresh client after the last one was shut down");
            assertEquals(2, c.primaryKey("t").size());
        } finally {
            c.close();
        }
    }

    @Test
    void aJobOfManyTasksLeavesNoClientBehind() {
        Map<String, Object> p = Jobs.reader(emu, "t");
        p.put("filters", Map.of("ct", Map.of("gte", "2023-01-01", "lt", "2024-01-01")));
        Map<String, Object> defs = new LinkedHashMap<>();
        for (int k = 0; k < 20; k++) {
            defs.put("k" + k, Arrays.asList("v"));
        }
        p.put("tasks", Map.of("source", "inline", "definitions", defs));
        long createdBefore = SharedClients.created();
        Jobs.Outcome o = Jobs.run(p, 3);
        assertTrue(o.result.succeeded(), () -> String.valueOf(o.result.failure()));
        assertEquals(60, o.records.size());
        assertEquals(0, SharedClients.alive());
        // the Job holds its client from split() to destroy(), so its 12 tasks all use that one
        assertEquals(1, SharedClients.created() - createdBefore, "SDK clients created for the job");
    }
}

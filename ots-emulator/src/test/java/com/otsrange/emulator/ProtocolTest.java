package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.ClientConfiguration;
import com.alicloud.openservices.tablestore.SyncClient;
import com.alicloud.openservices.tablestore.TableStoreException;
import com.alicloud.openservices.tablestore.core.protocol.OtsInternalApi;
import com.alicloud.openservices.tablestore.model.*;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/** Authentication, headers, unknown actions and methods, request compression. */
class ProtocolTest {
    static EmulatorFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new EmulatorFixture();
        f.createTable("p", 1, "k", PrimaryKeyType.STRING);
    }

    @AfterAll
    static void stop() { f.close(); }

    @Test
    void wrongSecretIsAuthFailed() {
        SyncClient c = f.client(EmulatorFixture.ID, "wrong-secret", EmulatorFixture.INSTANCE);
        TableStoreException e = assertThrows(TableStoreException.class, c::listTable);
        assertEquals("OTSAuthFailed", e.getErrorCode());
        assertEquals(403, e.getHttpStatus());
        assertEquals("Signature mismatch.", e.getMessage());
        assertNotNull(e.getRequestId());
    }

    @Test
    void wrongAccessIdOrInstanceIsAuthFailed() {
        TableStoreException e = assertThrows(TableStoreException.class,
            () -> f.client("other-id", EmulatorFixture.SECRET, EmulatorFixture.INSTANCE).listTable());
        assertEquals("OTSAuthFailed", e.getErrorCode());
        e = assertThrows(TableStoreException.class,
            () -> f.client(EmulatorFixture.ID, EmulatorFixture.SECRET, "otherinst").listTable());
        assertEquals("OTSAuthFailed", e.getErrorCode());
        assertEquals(403, e.getHttpStatus());
    }

    @Test
    void responsesPassTheSdkValidationAndCompressedRequestsWork() {
        ClientConfiguration conf = new ClientConfiguration();
        conf.setEnableRequestCompression(true);
        conf.setEnableResponseCompression(true);
        assertTrue(conf.isEnableResponseValidation());
        SyncClient c = new SyncClient(f.emu.endpoint(), EmulatorFixture.ID, EmulatorFixture.SECRET, EmulatorFixture.INSTANCE, conf);
        try {
            RowPutChange p = new RowPutChange("p",
                PrimaryKeyBuilder.createPrimaryKeyBuilder().addPrimaryKeyColumn("k", PrimaryKeyValue.fromString("z")).build());
            p.addColumn("v", ColumnValue.fromString("x".repeat(10000)));
            c.putRow(new PutRowRequest(p));
            SingleRowQueryCriteria q = new SingleRowQueryCriteria("p", p.getPrimaryKey());
            q.setMaxVersions(1);
            assertEquals("x".repeat(10000), c.getRow(new GetRowRequest(q)).getRow().getLatestColumn("v").getValue().asString());
        } finally {
            c.shutdown();
        }
    }

    /** Signs like the SDK's V2 signer (written here independently) and sends a raw request. */
    static HttpResponse<byte[]> raw(String method, String action, byte[] body, String md5Override) throws Exception {
        Map<String, String> h = new TreeMap<>();
        h.put("x-ots-date", Instant.now().toString());
        h.put("x-ots-apiversion", "2015-12-31");
        h.put("x-ots-instancename", EmulatorFixture.INSTANCE);
        h.put("x-ots-accesskeyid", EmulatorFixture.ID);
        h.put("x-ots-contentmd5", md5Override != null ? md5Override
            : Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body)));
        StringBuilder sb = new StringBuilder("/" + action + "\nPOST\n\n");
        h.forEach((k, v) -> sb.append(k).append(':').append(v).append('\n'));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(EmulatorFixture.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        h.put("x-ots-signature", Base64.getEncoder().encodeToString(mac.doFinal(sb.toString().getBytes(StandardCharsets.UTF_8))));
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(f.emu.endpoint() + "/" + action))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        h.forEach(rb::header);
        return HttpClient.newHttpClient().send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static OtsInternalApi.Error error(HttpResponse<byte[]> r) throws Exception {
        assertTrue(r.headers().firstValue("x-ots-requestid").isPresent());
        return OtsInternalApi.Error.parseFrom(r.body());
    }

    @Test
    void rawRequestsGetTheServerErrors() throws Exception {
        HttpResponse<byte[]> ok = raw("POST", "ListTable", new byte[0], null);
        assertEquals(200, ok.statusCode());
        assertTrue(OtsInternalApi.ListTableResponse.parseFrom(ok.body()).getTableNamesList().contains("p"));
        assertEquals("protocol buffer", ok.headers().firstValue("x-ots-contenttype").orElse(null));

        HttpResponse<byte[]> get = raw("GET", "ListTable", new byte[0], null);
        assertEquals(405, get.statusCode());
        assertEquals("OTSMethodNotAllowed", error(get).getCode());

        HttpResponse<byte[]> unknown = raw("POST", "FrobnicateTable", new byte[0], null);
        assertEquals(400, unknown.statusCode());
        assertEquals("OTSParameterInvalid", error(unknown).getCode());
        assertTrue(error(unknown).getMessage().contains("Unsupported operation"));

        HttpResponse<byte[]> unsupported = raw("POST", "BatchGetRow", new byte[0], null);
        assertEquals("OTSParameterInvalid", error(unsupported).getCode());

        byte[] body = OtsInternalApi.DescribeTableRequest.newBuilder().setTableName("p").build().toByteArray();
        HttpResponse<byte[]> badMd5 = raw("POST", "DescribeTable", body, "AAAAAAAAAAAAAAAAAAAAAA==");
        assertEquals(403, badMd5.statusCode());
        assertEquals("OTSAuthFailed", error(badMd5).getCode());

        HttpResponse<byte[]> garbage = raw("POST", "DescribeTable", new byte[] {1, 2, 3}, null);
        assertEquals(400, garbage.statusCode());
        assertEquals("OTSParameterInvalid", error(garbage).getCode());

        HttpResponse<byte[]> tooLarge = raw("POST", "PutRow", new byte[5 * 1024 * 1024 + 1], null);
        assertEquals(413, tooLarge.statusCode());
        assertEquals("OTSRequestBodyTooLarge", error(tooLarge).getCode());
    }
}

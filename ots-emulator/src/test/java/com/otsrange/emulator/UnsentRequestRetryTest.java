package com.otsrange.emulator;

import com.alicloud.openservices.tablestore.ClientException;
import com.alicloud.openservices.tablestore.model.DefaultRetryStrategy;
import com.aliyun.ots.thirdparty.org.apache.http.ConnectionClosedException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which "Connection closed" failures the test clients retry (issue 14). */
class UnsentRequestRetryTest {
    private static final String HANDLER = "com.aliyun.ots.thirdparty.org.apache.http.impl.nio.client.DefaultClientExchangeHandlerImpl";

    /** The SDK's wrapping of a ConnectionClosedException raised in {@code frame} of {@code owner}. */
    private static ClientException closed(String owner, String frame) {
        ConnectionClosedException cause = new ConnectionClosedException("Connection closed");
        cause.setStackTrace(new StackTraceElement[] {new StackTraceElement(owner, frame, "X.java", 1)});
        return new ClientException("Unexpected error: " + cause, cause);
    }

    @Test
    void aWriteFailedBeforeItWasSentIsRetriedTheDefaultDoesNot() {
        ClientException unsent = closed(HANDLER, "connectionAllocated");
        assertFalse(new DefaultRetryStrategy().shouldRetry("BatchWriteRow", unsent), "why LifecycleTest's writer failed");
        assertTrue(new UnsentRequestRetry().shouldRetry("BatchWriteRow", unsent));
        assertTrue(new UnsentRequestRetry().clone().nextPause("BatchWriteRow", unsent) > 0);
    }

    @Test
    void aConnectionClosedAfterSendingIsNotRetriedForAWrite() {
        ClientException sent = closed("com.aliyun.ots.thirdparty.org.apache.http.nio.protocol.HttpAsyncRequestExecutor", "endOfInput");
        assertFalse(new UnsentRequestRetry().shouldRetry("BatchWriteRow", sent));
        assertFalse(new UnsentRequestRetry().shouldRetry("PutRow", new ClientException("other")));
        assertTrue(new UnsentRequestRetry().shouldRetry("GetRange", sent), "reads keep the default retries");
    }
}

package com.otsrange.reader.config;

/** Where and as whom to connect. {@link #toString()} never shows the secret. */
public final class ConnectionSpec {
    private final String endpoint;
    private final String accessId;
    private final String accessKey;
    private final String instanceName;

    public ConnectionSpec(String endpoint, String accessId, String accessKey, String instanceName) {
        this.endpoint = endpoint;
        this.accessId = accessId;
        this.accessKey = accessKey;
        this.instanceName = instanceName;
    }

    public String endpoint() {
        return endpoint;
    }

    public String accessId() {
        return accessId;
    }

    public String accessKey() {
        return accessKey;
    }

    public String instanceName() {
        return instanceName;
    }

    @Override
    public String toString() {
        return "ConnectionSpec{endpoint=" + endpoint + ", instanceName=" + instanceName + ", accessId=" + accessId + ", accessKey=***}";
    }
}

package com.otsrange.reader.config;

import java.util.Objects;

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
    public boolean equals(Object o) {
        if (!(o instanceof ConnectionSpec)) {
            return false;
        }
        ConnectionSpec c = (ConnectionSpec) o;
        return Objects.equals(endpoint, c.endpoint) && Objects.equals(accessId, c.accessId) && Objects.equals(accessKey, c.accessKey)
                && Objects.equals(instanceName, c.instanceName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(endpoint, accessId, accessKey, instanceName);
    }

    @Override
    public String toString() {
        return "ConnectionSpec{endpoint=" + endpoint + ", instanceName=" + instanceName + ", accessId=" + accessId + ", accessKey=***}";
    }
}

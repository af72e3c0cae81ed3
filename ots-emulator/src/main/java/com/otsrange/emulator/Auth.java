package com.otsrange.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** V2 request signature and content MD5 checks, and the signed response headers the SDK validates. */
final class Auth {
    private static final String[] REQUIRED = {
        "x-ots-date", "x-ots-apiversion", "x-ots-accesskeyid", "x-ots-instancename", "x-ots-contentmd5", "x-ots-signature"
    };
    private static final java.time.format.DateTimeFormatter DATE =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
    private static final long MAX_CLOCK_SKEW_MS = 15 * 60 * 1000L;

    private final String instanceName;
    private final String accessKeyId;
    private final byte[] secret;

    Auth(String instanceName, String accessKeyId, String accessKeySecret) {
        this.instanceName = instanceName;
        this.accessKeyId = accessKeyId;
        this.secret = accessKeySecret.getBytes(StandardCharsets.UTF_8);
    }

    void verify(String action, Map<String, String> headers, byte[] body) {
        for (String h : REQUIRED) {
            if (!headers.containsKey(h)) throw OtsError.param("Missing header: '" + h + "'.");
        }
        String date = headers.get("x-ots-date");
        long when;
        try {
            when = Instant.parse(date).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw OtsError.param("Invalid date format: " + date + ".");
        }
        if (!accessKeyId.equals(headers.get("x-ots-accesskeyid"))) throw OtsError.auth("The AccessKeyID does not exist.");
        if (!instanceName.equals(headers.get("x-ots-instancename"))) throw OtsError.auth("The instance is not found.");
        if (!md5Base64(body).equals(headers.get("x-ots-contentmd5"))) {
            throw OtsError.auth("Mismatch between MD5 value of request body and x-ots-contentmd5 in header.");
        }
        TreeMap<String, String> signed = new TreeMap<>();
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().startsWith("x-ots-") && !e.getKey().equals("x-ots-signature")) signed.put(e.getKey(), e.getValue().trim());
        }
        StringBuilder sb = new StringBuilder("/").append(action).append("\nPOST\n\n");
        for (Map.Entry<String, String> e : signed.entrySet()) sb.append(e.getKey()).append(':').append(e.getValue()).append('\n');
        if (!hmac(sb.toString()).equals(headers.get("x-ots-signature"))) throw OtsError.auth("Signature mismatch.");
        if (Math.abs(System.currentTimeMillis() - when) > MAX_CLOCK_SKEW_MS) {
            throw OtsError.auth("Mismatch between system time and x-ots-date: " + date + ".");
        }
    }

    /** Adds x-ots-contentmd5/contenttype/date/requestid and the authorization header over them. */
    Map<String, String> responseHeaders(String action, String requestId, byte[] body) {
        TreeMap<String, String> h = new TreeMap<>();
        h.put("x-ots-contentmd5", md5Base64(body));
        h.put("x-ots-contenttype", "protocol buffer");
        h.put("x-ots-date", DATE.format(Instant.ofEpochMilli(System.currentTimeMillis())));
        h.put("x-ots-requestid", requestId);
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : h.entrySet()) sb.append(e.getKey()).append(':').append(e.getValue()).append('\n');
        sb.append('/').append(action);
        h.put("authorization", "OTS " + accessKeyId + ":" + hmac(sb.toString()));
        return h;
    }

    private String hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String md5Base64(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

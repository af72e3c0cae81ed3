package com.otsrange.reader.config;

import java.util.regex.Pattern;

/**
 * What the TableStore SDK accepts as an endpoint, checked offline: {@code http://} or
 * {@code https://} (lower case), a host of letters, digits, {@code .}, {@code _} and {@code -}, an
 * optional port, and nothing after it but trailing slashes. The SDK refuses anything else only when
 * the first request is built ({@code IllegalArgumentException: The endpoint is invalid}), echoing
 * the endpoint, user-info (a possible password) included. Messages here never show user-info.
 */
public final class EndpointRule {
    static final String EXAMPLE = "https://<instance>.<region>.ots.aliyuncs.com";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+");

    private EndpointRule() {
    }

    /** What is wrong with {@code endpoint} and how a valid one looks, or null when the SDK accepts it. */
    static String problem(String endpoint) {
        String shown = "\"" + redact(endpoint) + "\"";
        String fix = "; a valid endpoint is http(s)://host[:port] and nothing else, e.g. " + EXAMPLE;
        int schemeEnd = endpoint.indexOf("://");
        String scheme = schemeEnd < 0 ? null : endpoint.substring(0, schemeEnd);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return "expected an endpoint starting with http:// or https:// (lower case), got " + shown + fix;
        }
        if (endpoint.indexOf('@') >= 0) {
            return "must not hold user-info (the part before '@', not shown here: it may be a password), got " + shown
                    + "; credentials go in accessId and accessKey" + fix;
        }
        String rest = endpoint.substring(schemeEnd + 3);
        int authorityEnd = firstOf(rest, "/?#");
        String authority = rest.substring(0, authorityEnd);
        String after = rest.substring(authorityEnd);
        int colon = authority.lastIndexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        String port = colon < 0 ? null : authority.substring(colon + 1);
        if (host.isEmpty()) {
            return "has no host, got " + shown + fix;
        }
        if (!HOST.matcher(host).matches()) {
            return "the host \"" + host + "\" may only have letters, digits, '.', '_' and '-', got " + shown + fix;
        }
        if (port != null && !validPort(port)) {
            return "the port \"" + port + "\" is not a number from 1 to 65535, got " + shown + fix;
        }
        int query = firstOf(after, "?#");
        String path = after.substring(0, query);
        if (!path.matches("/*")) {
            return "must not have a path (\"" + path + "\"), got " + shown + fix;
        }
        if (query < after.length()) {
            return "must not have a " + (after.charAt(query) == '?' ? "query (\"?...\")" : "fragment (\"#...\")") + ", got "
                    + shown + fix;
        }
        return null;
    }

    /**
     * The endpoint with any user-info replaced by {@code ***}, safe for messages and logs. Whatever
     * stands between {@code //} and the last {@code @} counts as user-info, even where a strict URL
     * parser would see a path: a password may hold '/', '?' or '#'.
     */
    public static String redact(String endpoint) {
        int at = endpoint.lastIndexOf('@');
        if (at < 0) {
            return endpoint;
        }
        int schemeEnd = endpoint.indexOf("//");
        int start = schemeEnd >= 0 && schemeEnd < at ? schemeEnd + 2 : 0;
        return endpoint.substring(0, start) + "***" + endpoint.substring(at);
    }

    private static boolean validPort(String port) {
        if (!port.matches("\\d{1,5}")) {
            return false;
        }
        int p = Integer.parseInt(port);
        return p >= 1 && p <= 65535;
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}

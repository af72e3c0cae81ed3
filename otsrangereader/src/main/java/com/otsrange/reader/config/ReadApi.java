package com.otsrange.reader.config;

import java.util.Locale;

/** Which TableStore read the reader scans rows with ({@code parameter.readApi}). */
public enum ReadApi {
    /** BulkExport where it gives the same rows, GetRange where it cannot or the service refuses BulkExport. */
    AUTO("auto"),
    GET_RANGE("getRange"),
    /** BulkExport only: a refusal fails the job instead of falling back. */
    BULK_EXPORT("bulkExport");

    private final String json;

    ReadApi(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** The value for a JSON text (case-insensitive), or null. */
    public static ReadApi of(String text) {
        for (ReadApi a : values()) {
            if (a.json.toLowerCase(Locale.ROOT).equals(text.trim().toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        return null;
    }
}

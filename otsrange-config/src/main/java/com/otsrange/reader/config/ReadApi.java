package com.otsrange.reader.config;

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
}

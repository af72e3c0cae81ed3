package com.otsrange.emulator;

/** An error the emulator answers with an OtsInternalApi.Error body, like the real server. */
final class OtsError extends RuntimeException {
    private final int status;
    private final String code;

    OtsError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() { return status; }
    String code() { return code; }

    static OtsError param(String message) { return new OtsError(400, "OTSParameterInvalid", message); }
    static OtsError invalidPk(String message) { return new OtsError(400, "OTSInvalidPK", message); }
    static OtsError tableMissing() { return new OtsError(404, "OTSObjectNotExist", "Requested table does not exist."); }
    static OtsError tableExists() { return new OtsError(409, "OTSObjectAlreadyExist", "Requested table already exists."); }
    static OtsError auth(String message) { return new OtsError(403, "OTSAuthFailed", message); }
    static OtsError conditionFailed() { return new OtsError(403, "OTSConditionCheckFail", "Condition check failed."); }

    /** An iterator at records that expired, or into a stream or shard that no longer exists (the service's text). */
    static OtsError trimmed() {
        return new OtsError(400, "OTSTrimmedDataAccess", "Requested stream data is already trimmed or does not exist.");
    }

    static OtsError badIterator() { return param("Invalid shard iterator: it was not issued by this instance or is damaged."); }
    static OtsError streamMissing() { return new OtsError(404, "OTSObjectNotExist", "Requested stream does not exist."); }
    static OtsError shardMissing() { return new OtsError(404, "OTSObjectNotExist", "Requested shard does not exist."); }
}

package com.otsrange.writer.config;

/**
 * Incremental mode: csvyearwriter {@code writeMode: "append"} with otsrangereader
 * {@code resume: true}. The sort key's bounds are then the run's window
 * ({@link com.otsrange.reader.config.WindowRequest}), not part of the job's identity, and the
 * window ledger ({@link com.otsrange.common.WindowLedger}) decides what a run may append. The
 * writer Job, the reader's split, {@code validate} and {@code plan} ask here, with the values each
 * plugin's own parse gave.
 */
public final class Incremental {
    private Incremental() {
    }

    public static boolean isOn(WriteMode writeMode, boolean readerResume) {
        return writeMode == WriteMode.APPEND && readerResume;
    }
}

package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.TableStoreException;

/**
 * An error answer the caller handles itself and retrying cannot change: {@link Retrier} hands it on
 * untouched instead of retrying it or turning it into a DataX error.
 */
public abstract class UnretriedAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnretriedAnswer(TableStoreException cause) {
        super(cause.getErrorCode() + " (HTTP " + cause.getHttpStatus() + "): " + cause.getMessage(), cause);
    }

    public TableStoreException answer() {
        return (TableStoreException) getCause();
    }
}

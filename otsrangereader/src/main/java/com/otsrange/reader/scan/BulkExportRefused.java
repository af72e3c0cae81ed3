package com.otsrange.reader.scan;

import com.alicloud.openservices.tablestore.TableStoreException;

/** The service answered a BulkExport with an error that retrying cannot fix (unsupported, not allowed, ...). */
public final class BulkExportRefused extends UnretriedAnswer {
    private static final long serialVersionUID = 1L;

    BulkExportRefused(TableStoreException cause) {
        super(cause);
    }
}

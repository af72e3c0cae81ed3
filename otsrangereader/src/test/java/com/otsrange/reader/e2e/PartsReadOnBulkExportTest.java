package com.otsrange.reader.e2e;

import com.otsrange.reader.support.OnReadApi;

/** {@link PartsReadTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class PartsReadOnBulkExportTest extends PartsReadTest {
}

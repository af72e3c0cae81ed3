package com.otsrange.reader.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link PartsReadTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class PartsReadOnBulkExportTest extends PartsReadTest {
}

package com.otsrange.e2e;

/** {@link PartsTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class PartsOnBulkExportTest extends PartsTest {
}

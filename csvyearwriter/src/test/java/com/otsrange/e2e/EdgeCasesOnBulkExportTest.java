package com.otsrange.e2e;

/** {@link EdgeCasesTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class EdgeCasesOnBulkExportTest extends EdgeCasesTest {
}

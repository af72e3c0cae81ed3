package com.otsrange.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link EdgeCasesTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class EdgeCasesOnBulkExportTest extends EdgeCasesTest {
}

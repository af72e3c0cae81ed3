package com.otsrange.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link PartsTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class PartsOnBulkExportTest extends PartsTest {
}

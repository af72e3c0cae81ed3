package com.otsrange.reader.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link ScanAndErrorsTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class ScanAndErrorsOnBulkExportTest extends ScanAndErrorsTest {
}

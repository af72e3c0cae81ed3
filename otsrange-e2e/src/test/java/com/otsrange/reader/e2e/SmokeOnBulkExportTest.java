package com.otsrange.reader.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link SmokeTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class SmokeOnBulkExportTest extends SmokeTest {
}

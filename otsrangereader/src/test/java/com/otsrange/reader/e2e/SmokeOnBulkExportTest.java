package com.otsrange.reader.e2e;

import com.otsrange.reader.support.OnReadApi;

/** {@link SmokeTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class SmokeOnBulkExportTest extends SmokeTest {
}

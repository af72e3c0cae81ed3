package com.otsrange.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link EndToEndTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class EndToEndOnBulkExportTest extends EndToEndTest {
}

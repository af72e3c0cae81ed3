package com.otsrange.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link FaultsTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class FaultsOnBulkExportTest extends FaultsTest {
}

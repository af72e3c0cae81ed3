package com.otsrange.e2e;

/** {@link FaultsTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class FaultsOnBulkExportTest extends FaultsTest {
}

package com.otsrange.e2e;

/** {@link EndToEndTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class EndToEndOnBulkExportTest extends EndToEndTest {
}

package com.otsrange.reader.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link LayoutsTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class LayoutsOnBulkExportTest extends LayoutsTest {
}

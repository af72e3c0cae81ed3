package com.otsrange.reader.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link FilterOperatorsTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class FilterOperatorsOnBulkExportTest extends FilterOperatorsTest {
}

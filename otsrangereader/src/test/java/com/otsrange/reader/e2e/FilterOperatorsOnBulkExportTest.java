package com.otsrange.reader.e2e;

import com.otsrange.reader.support.OnReadApi;

/** {@link FilterOperatorsTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class FilterOperatorsOnBulkExportTest extends FilterOperatorsTest {
}

package com.otsrange.reader.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link RunMergeTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class RunMergeOnBulkExportTest extends RunMergeTest {
}

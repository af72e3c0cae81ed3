package com.otsrange.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link ResumeAndShardsTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class ResumeAndShardsOnBulkExportTest extends ResumeAndShardsTest {
}

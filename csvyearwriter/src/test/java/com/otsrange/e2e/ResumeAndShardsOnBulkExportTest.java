package com.otsrange.e2e;

/** {@link ResumeAndShardsTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class ResumeAndShardsOnBulkExportTest extends ResumeAndShardsTest {
}

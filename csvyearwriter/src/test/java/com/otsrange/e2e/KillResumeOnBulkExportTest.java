package com.otsrange.e2e;

/** {@link KillResumeTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class KillResumeOnBulkExportTest extends KillResumeTest {
}

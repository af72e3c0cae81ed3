package com.otsrange.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link KillResumeTest} with readApi "bulkExport". */
@OnReadApi("bulkExport")
class KillResumeOnBulkExportTest extends KillResumeTest {
}

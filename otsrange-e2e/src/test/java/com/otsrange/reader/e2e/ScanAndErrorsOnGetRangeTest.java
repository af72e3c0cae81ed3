package com.otsrange.reader.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link ScanAndErrorsTest} with readApi "getRange". */
@OnReadApi("getRange")
class ScanAndErrorsOnGetRangeTest extends ScanAndErrorsTest {
}

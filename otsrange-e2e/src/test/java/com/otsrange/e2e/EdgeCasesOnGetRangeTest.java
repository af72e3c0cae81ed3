package com.otsrange.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link EdgeCasesTest} with readApi "getRange". */
@OnReadApi("getRange")
class EdgeCasesOnGetRangeTest extends EdgeCasesTest {
}

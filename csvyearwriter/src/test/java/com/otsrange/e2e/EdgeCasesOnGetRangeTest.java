package com.otsrange.e2e;

/** {@link EdgeCasesTest} with readApi "getRange". */
@OnReadApi("getRange")
class EdgeCasesOnGetRangeTest extends EdgeCasesTest {
}

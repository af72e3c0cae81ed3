package com.otsrange.e2e;

/** {@link PartsTest} with readApi "getRange". */
@OnReadApi("getRange")
class PartsOnGetRangeTest extends PartsTest {
}

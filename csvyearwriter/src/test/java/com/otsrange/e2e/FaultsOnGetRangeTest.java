package com.otsrange.e2e;

/** {@link FaultsTest} with readApi "getRange". */
@OnReadApi("getRange")
class FaultsOnGetRangeTest extends FaultsTest {
}

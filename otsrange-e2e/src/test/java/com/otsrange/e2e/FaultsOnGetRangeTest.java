package com.otsrange.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link FaultsTest} with readApi "getRange". */
@OnReadApi("getRange")
class FaultsOnGetRangeTest extends FaultsTest {
}

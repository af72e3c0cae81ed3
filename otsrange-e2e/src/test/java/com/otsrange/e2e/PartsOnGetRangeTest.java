package com.otsrange.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link PartsTest} with readApi "getRange". */
@OnReadApi("getRange")
class PartsOnGetRangeTest extends PartsTest {
}

package com.otsrange.reader.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link SmokeTest} with readApi "getRange". */
@OnReadApi("getRange")
class SmokeOnGetRangeTest extends SmokeTest {
}

package com.otsrange.reader.e2e;

import com.otsrange.reader.support.OnReadApi;

/** {@link SmokeTest} with readApi "getRange". */
@OnReadApi("getRange")
class SmokeOnGetRangeTest extends SmokeTest {
}

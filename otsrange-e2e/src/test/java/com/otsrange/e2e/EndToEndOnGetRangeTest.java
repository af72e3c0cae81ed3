package com.otsrange.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link EndToEndTest} with readApi "getRange". */
@OnReadApi("getRange")
class EndToEndOnGetRangeTest extends EndToEndTest {
}

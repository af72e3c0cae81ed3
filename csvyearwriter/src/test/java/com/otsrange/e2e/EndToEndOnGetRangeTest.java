package com.otsrange.e2e;

/** {@link EndToEndTest} with readApi "getRange". */
@OnReadApi("getRange")
class EndToEndOnGetRangeTest extends EndToEndTest {
}

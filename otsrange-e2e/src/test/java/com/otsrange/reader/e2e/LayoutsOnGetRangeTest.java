package com.otsrange.reader.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link LayoutsTest} with readApi "getRange". */
@OnReadApi("getRange")
class LayoutsOnGetRangeTest extends LayoutsTest {
}

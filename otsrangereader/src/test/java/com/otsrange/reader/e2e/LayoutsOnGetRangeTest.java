package com.otsrange.reader.e2e;

import com.otsrange.reader.support.OnReadApi;

/** {@link LayoutsTest} with readApi "getRange". */
@OnReadApi("getRange")
class LayoutsOnGetRangeTest extends LayoutsTest {
}

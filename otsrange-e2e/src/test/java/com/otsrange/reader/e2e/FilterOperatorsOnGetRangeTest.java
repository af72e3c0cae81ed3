package com.otsrange.reader.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link FilterOperatorsTest} with readApi "getRange". */
@OnReadApi("getRange")
class FilterOperatorsOnGetRangeTest extends FilterOperatorsTest {
}

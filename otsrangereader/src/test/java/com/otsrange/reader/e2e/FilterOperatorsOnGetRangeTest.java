package com.otsrange.reader.e2e;

import com.otsrange.reader.support.OnReadApi;

/** {@link FilterOperatorsTest} with readApi "getRange". */
@OnReadApi("getRange")
class FilterOperatorsOnGetRangeTest extends FilterOperatorsTest {
}

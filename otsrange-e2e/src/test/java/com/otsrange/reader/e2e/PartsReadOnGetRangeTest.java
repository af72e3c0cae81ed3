package com.otsrange.reader.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link PartsReadTest} with readApi "getRange". */
@OnReadApi("getRange")
class PartsReadOnGetRangeTest extends PartsReadTest {
}

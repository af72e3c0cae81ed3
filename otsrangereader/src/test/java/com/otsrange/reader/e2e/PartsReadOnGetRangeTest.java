package com.otsrange.reader.e2e;

import com.otsrange.reader.support.OnReadApi;

/** {@link PartsReadTest} with readApi "getRange". */
@OnReadApi("getRange")
class PartsReadOnGetRangeTest extends PartsReadTest {
}

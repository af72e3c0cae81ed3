package com.otsrange.reader.e2e;

import com.otsrange.reader.support.OnReadApi;

/** {@link RunMergeTest} with readApi "getRange". */
@OnReadApi("getRange")
class RunMergeOnGetRangeTest extends RunMergeTest {
}

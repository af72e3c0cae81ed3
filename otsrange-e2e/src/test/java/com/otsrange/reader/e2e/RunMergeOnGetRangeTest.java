package com.otsrange.reader.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link RunMergeTest} with readApi "getRange". */
@OnReadApi("getRange")
class RunMergeOnGetRangeTest extends RunMergeTest {
}

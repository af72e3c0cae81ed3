package com.otsrange.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link ResumeAndShardsTest} with readApi "getRange". */
@OnReadApi("getRange")
class ResumeAndShardsOnGetRangeTest extends ResumeAndShardsTest {
}

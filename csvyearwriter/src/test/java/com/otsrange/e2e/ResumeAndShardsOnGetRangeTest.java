package com.otsrange.e2e;

/** {@link ResumeAndShardsTest} with readApi "getRange". */
@OnReadApi("getRange")
class ResumeAndShardsOnGetRangeTest extends ResumeAndShardsTest {
}

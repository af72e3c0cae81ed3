package com.otsrange.e2e;

/** {@link KillResumeTest} with readApi "getRange". */
@OnReadApi("getRange")
class KillResumeOnGetRangeTest extends KillResumeTest {
}

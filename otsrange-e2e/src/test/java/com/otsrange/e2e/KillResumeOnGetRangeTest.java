package com.otsrange.e2e;

import com.otsrange.testkit.OnReadApi;

/** {@link KillResumeTest} with readApi "getRange". */
@OnReadApi("getRange")
class KillResumeOnGetRangeTest extends KillResumeTest {
}

package com.otsrange.writer;

/** What a resumed run checks of each file committed earlier before it writes anything. */
enum VerifyCommitted implements Choice { SIZE, SHA256 }

package com.otsrange.writer;

/** {@code compress}: the output files plain or gzip. */
enum Compress implements Choice { NONE, GZIP }

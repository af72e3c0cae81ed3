package com.otsrange.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The reader's {@code readApi} a suite runs with: a suite runs on both read paths as two
 * concrete subclasses of one abstract test class, each carrying this annotation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OnReadApi {
    /** "getRange" or "bulkExport". */
    String value();
}

package com.alibaba.datax.common.spi;

/** A stable error code plus a human description; plugins declare theirs as enums. */
public interface ErrorCode {

    String getCode();

    String getDescription();

    /** DataX's convention: {@code Code:[XX-00], Description:[...]}; part of every DataXException message. */
    String toString();
}

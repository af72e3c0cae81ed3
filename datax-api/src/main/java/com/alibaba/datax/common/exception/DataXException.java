package com.alibaba.datax.common.exception;

import com.alibaba.datax.common.spi.ErrorCode;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The one exception type DataX plugins throw. The message is
 * {@code errorCode.toString() + " - " + message} (plus {@code " - " + cause stack trace} when built
 * from a cause), which is what the DataX engine prints when a job fails.
 */
public class DataXException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private ErrorCode errorCode;

    public DataXException(ErrorCode errorCode, String errorMessage) {
        super(errorCode.toString() + " - " + errorMessage);
        this.errorCode = errorCode;
    }

    public DataXException(String errorMessage) {
        super(errorMessage);
    }

    private DataXException(ErrorCode errorCode, String errorMessage, Throwable cause) {
        super(errorCode.toString() + " - " + describe(errorMessage) + " - " + describe(cause), cause);
        this.errorCode = errorCode;
    }

    public static DataXException asDataXException(ErrorCode errorCode, String message) {
        return new DataXException(errorCode, message);
    }

    public static DataXException asDataXException(String message) {
        return new DataXException(message);
    }

    /** A cause that already is a DataXException is returned unchanged, as DataX does. */
    public static DataXException asDataXException(ErrorCode errorCode, String message, Throwable cause) {
        if (cause instanceof DataXException) {
            return (DataXException) cause;
        }
        return new DataXException(errorCode, message, cause);
    }

    public static DataXException asDataXException(ErrorCode errorCode, Throwable cause) {
        if (cause instanceof DataXException) {
            return (DataXException) cause;
        }
        return new DataXException(errorCode, describe(cause), cause);
    }

    public ErrorCode getErrorCode() {
        return this.errorCode;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Throwable) {
            StringWriter text = new StringWriter();
            ((Throwable) value).printStackTrace(new PrintWriter(text));
            return text.toString();
        }
        return value.toString();
    }
}

package com.alibaba.datax.common.element;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;

/** Boolean cell; byte size 1 (0 when built from a null string). */
public class BoolColumn extends Column {

    public BoolColumn(Boolean bool) {
        super(bool, Column.Type.BOOL, 1);
    }

    /** Only "true"/"false" (any case) are accepted. */
    public BoolColumn(final String data) {
        this(true);
        if (null == data) {
            setRawData(null);
            setByteSize(0);
            return;
        }
        if (!"true".equalsIgnoreCase(data) && !"false".equalsIgnoreCase(data)) {
            throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                    String.format("String[%s] cannot be converted to Bool.", data));
        }
        setRawData(Boolean.valueOf(data));
        setByteSize(1);
    }

    public BoolColumn() {
        super(null, Column.Type.BOOL, 1);
    }

    @Override
    public Boolean asBoolean() {
        return (Boolean) getRawData();
    }

    @Override
    public Long asLong() {
        if (null == getRawData()) {
            return null;
        }
        return asBoolean() ? 1L : 0L;
    }

    @Override
    public Double asDouble() {
        if (null == getRawData()) {
            return null;
        }
        return asBoolean() ? 1.0d : 0.0d;
    }

    @Override
    public String asString() {
        if (null == getRawData()) {
            return null;
        }
        return asBoolean() ? "true" : "false";
    }

    @Override
    public BigInteger asBigInteger() {
        if (null == getRawData()) {
            return null;
        }
        return BigInteger.valueOf(asLong());
    }

    @Override
    public BigDecimal asBigDecimal() {
        if (null == getRawData()) {
            return null;
        }
        return BigDecimal.valueOf(asLong());
    }

    @Override
    public Date asDate() {
        throw notSupported("Date");
    }

    @Override
    public Date asDate(String dateFormat) {
        throw notSupported("Date");
    }

    @Override
    public byte[] asBytes() {
        throw notSupported("Bytes");
    }

    private static DataXException notSupported(String target) {
        return DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                "Bool cannot be converted to " + target + ".");
    }
}

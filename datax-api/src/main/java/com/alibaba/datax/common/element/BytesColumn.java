package com.alibaba.datax.common.element;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;

/** Binary cell; keeps its own copy of the bytes; byte size = array length. */
public class BytesColumn extends Column {

    public BytesColumn() {
        this(null);
    }

    public BytesColumn(byte[] bytes) {
        super(bytes == null ? null : bytes.clone(), Column.Type.BYTES, null == bytes ? 0 : bytes.length);
    }

    @Override
    public byte[] asBytes() {
        return (byte[]) getRawData();
    }

    /** Decoded with common.column.encoding (UTF-8 by default). */
    @Override
    public String asString() {
        if (null == getRawData()) {
            return null;
        }
        try {
            return ColumnCast.bytes2String(this);
        } catch (Exception e) {
            throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                    "Bytes cannot be converted to String.");
        }
    }

    @Override
    public Long asLong() {
        throw notSupported("Long");
    }

    @Override
    public BigDecimal asBigDecimal() {
        throw notSupported("BigDecimal");
    }

    @Override
    public BigInteger asBigInteger() {
        throw notSupported("BigInteger");
    }

    @Override
    public Double asDouble() {
        throw notSupported("Double");
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
    public Boolean asBoolean() {
        throw notSupported("Boolean");
    }

    private static DataXException notSupported(String target) {
        return DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                "Bytes cannot be converted to " + target + ".");
    }
}

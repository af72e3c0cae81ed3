package com.alibaba.datax.common.element;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;

/** Text cell; byte size = string length (chars), as DataX counts it. */
public class StringColumn extends Column {

    public StringColumn() {
        this((String) null);
    }

    public StringColumn(final String rawData) {
        super(rawData, Column.Type.STRING, null == rawData ? 0 : rawData.length());
    }

    @Override
    public String asString() {
        return (String) getRawData();
    }

    /** NaN/Infinity only convert to Double; everything else rejects them. */
    private void rejectDoubleSpecial(final String data) {
        if ("NaN".equals(data) || "Infinity".equals(data) || "-Infinity".equals(data)) {
            throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                    String.format("String[\"%s\"] is a special Double value and converts to no other type.", data));
        }
    }

    @Override
    public BigInteger asBigInteger() {
        if (null == getRawData()) {
            return null;
        }
        rejectDoubleSpecial(asString());
        try {
            return asBigDecimal().toBigInteger();
        } catch (Exception e) {
            throw notSupported("BigInteger");
        }
    }

    @Override
    public Long asLong() {
        if (null == getRawData()) {
            return null;
        }
        rejectDoubleSpecial(asString());
        try {
            BigInteger integer = asBigInteger();
            OverFlowUtil.validateLongNotOverFlow(integer);
            return integer.longValue();
        } catch (Exception e) {
            // DataX reports overflow here as CONVERT_NOT_SUPPORT too
            throw notSupported("Long");
        }
    }

    @Override
    public BigDecimal asBigDecimal() {
        if (null == getRawData()) {
            return null;
        }
        rejectDoubleSpecial(asString());
        try {
            return new BigDecimal(asString());
        } catch (Exception e) {
            throw notSupported("BigDecimal");
        }
    }

    @Override
    public Double asDouble() {
        if (null == getRawData()) {
            return null;
        }
        String data = asString();
        if ("NaN".equals(data)) {
            return Double.NaN;
        }
        if ("Infinity".equals(data)) {
            return Double.POSITIVE_INFINITY;
        }
        if ("-Infinity".equals(data)) {
            return Double.NEGATIVE_INFINITY;
        }
        BigDecimal decimal = asBigDecimal();
        OverFlowUtil.validateDoubleNotOverFlow(decimal);
        return decimal.doubleValue();
    }

    @Override
    public Boolean asBoolean() {
        if (null == getRawData()) {
            return null;
        }
        if ("true".equalsIgnoreCase(asString())) {
            return true;
        }
        if ("false".equalsIgnoreCase(asString())) {
            return false;
        }
        throw notSupported("Bool");
    }

    @Override
    public Date asDate() {
        try {
            return ColumnCast.string2Date(this);
        } catch (Exception e) {
            throw notSupported("Date");
        }
    }

    @Override
    public Date asDate(String dateFormat) {
        try {
            return ColumnCast.string2Date(this, dateFormat);
        } catch (Exception e) {
            throw notSupported("Date");
        }
    }

    @Override
    public byte[] asBytes() {
        try {
            return ColumnCast.string2Bytes(this);
        } catch (Exception e) {
            throw notSupported("Bytes");
        }
    }

    private DataXException notSupported(String target) {
        return DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                String.format("String[\"%s\"] cannot be converted to %s.", asString(), target));
    }
}

package com.alibaba.datax.common.element;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;

/** Integer cell held as BigInteger; byte size 8, or the text length when built from a string. */
public class LongColumn extends Column {

    /** Accepts any decimal or scientific notation; a fraction is truncated toward zero. */
    public LongColumn(final String data) {
        super(null, Column.Type.LONG, 0);
        if (null == data) {
            return;
        }
        try {
            setRawData(parseDecimal(data).toBigInteger());
            setByteSize(data.length());
        } catch (Exception e) {
            throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                    String.format("String[%s] cannot be converted to Long.", data));
        }
    }

    public LongColumn(Long data) {
        this(null == data ? (BigInteger) null : BigInteger.valueOf(data));
    }

    public LongColumn(Integer data) {
        this(null == data ? (BigInteger) null : BigInteger.valueOf(data));
    }

    public LongColumn(BigInteger data) {
        super(data, Column.Type.LONG, null == data ? 0 : 8);
    }

    public LongColumn() {
        this((BigInteger) null);
    }

    /** commons-lang NumberUtils.createBigDecimal rules: blank and "--" prefixes are not numbers. */
    private static BigDecimal parseDecimal(String data) {
        if (data.trim().isEmpty() || data.trim().startsWith("--")) {
            throw new NumberFormatException(data + " is not a valid number.");
        }
        return new BigDecimal(data);
    }

    @Override
    public BigInteger asBigInteger() {
        return (BigInteger) getRawData();
    }

    @Override
    public Long asLong() {
        BigInteger raw = (BigInteger) getRawData();
        if (null == raw) {
            return null;
        }
        OverFlowUtil.validateLongNotOverFlow(raw);
        return raw.longValue();
    }

    @Override
    public Double asDouble() {
        if (null == getRawData()) {
            return null;
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
        return asBigInteger().signum() != 0;
    }

    @Override
    public BigDecimal asBigDecimal() {
        if (null == getRawData()) {
            return null;
        }
        return new BigDecimal(asBigInteger());
    }

    @Override
    public String asString() {
        if (null == getRawData()) {
            return null;
        }
        return getRawData().toString();
    }

    /** The value is taken as epoch milliseconds. */
    @Override
    public Date asDate() {
        if (null == getRawData()) {
            return null;
        }
        return new Date(asLong());
    }

    @Override
    public Date asDate(String dateFormat) {
        return asDate();
    }

    @Override
    public byte[] asBytes() {
        throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                "Long cannot be converted to Bytes.");
    }
}

package com.alibaba.datax.common.element;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;

/** Decimal cell held as its exact decimal text; byte size = text length. */
public class DoubleColumn extends Column {

    public DoubleColumn(final String data) {
        super(data, Column.Type.DOUBLE, null == data ? 0 : data.length());
        validate(data);
    }

    public DoubleColumn(Long data) {
        this(data == null ? (String) null : String.valueOf(data));
    }

    public DoubleColumn(Integer data) {
        this(data == null ? (String) null : String.valueOf(data));
    }

    /** Note: like DataX, NaN/Infinity Double values are rejected with NumberFormatException here. */
    public DoubleColumn(final Double data) {
        this(data == null ? (String) null : new BigDecimal(String.valueOf(data)).toPlainString());
    }

    public DoubleColumn(final Float data) {
        this(data == null ? (String) null : new BigDecimal(String.valueOf(data)).toPlainString());
    }

    public DoubleColumn(final BigDecimal data) {
        this(null == data ? (String) null : data.toPlainString());
    }

    public DoubleColumn(final BigInteger data) {
        this(null == data ? (String) null : data.toString());
    }

    public DoubleColumn() {
        this((String) null);
    }

    @Override
    public BigDecimal asBigDecimal() {
        if (null == getRawData()) {
            return null;
        }
        try {
            return new BigDecimal((String) getRawData());
        } catch (NumberFormatException e) {
            throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                    String.format("String[%s] cannot be converted to Double.", getRawData()));
        }
    }

    @Override
    public Double asDouble() {
        if (null == getRawData()) {
            return null;
        }
        String text = (String) getRawData();
        if (text.equals("NaN") || text.equals("-Infinity") || text.equals("+Infinity")) {
            return Double.valueOf(text);
        }
        BigDecimal result = asBigDecimal();
        OverFlowUtil.validateDoubleNotOverFlow(result);
        return result.doubleValue();
    }

    @Override
    public Long asLong() {
        if (null == getRawData()) {
            return null;
        }
        BigDecimal result = asBigDecimal();
        OverFlowUtil.validateLongNotOverFlow(result.toBigInteger());
        return result.longValue();
    }

    @Override
    public BigInteger asBigInteger() {
        if (null == getRawData()) {
            return null;
        }
        return asBigDecimal().toBigInteger();
    }

    @Override
    public String asString() {
        return (String) getRawData();
    }

    @Override
    public Boolean asBoolean() {
        throw notSupported("Bool");
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
                "Double cannot be converted to " + target + ".");
    }

    private static void validate(final String data) {
        if (null == data) {
            return;
        }
        if (data.equalsIgnoreCase("NaN") || data.equalsIgnoreCase("-Infinity") || data.equalsIgnoreCase("Infinity")) {
            return;
        }
        try {
            new BigDecimal(data);
        } catch (Exception e) {
            throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                    String.format("String[%s] cannot be converted to Double.", data));
        }
    }
}

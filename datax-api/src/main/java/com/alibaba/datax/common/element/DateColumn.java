package com.alibaba.datax.common.element;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Time;
import java.util.Date;

/** Point in time held as epoch milliseconds (byte size 8); the sub type picks the string format. */
public class DateColumn extends Column {

    private DateType subType = DateType.DATETIME;
    private int nanos = 0;
    private int precision = -1;

    public enum DateType {
        DATE, TIME, DATETIME
    }

    /** A TIME value with extra nanos and a precision derived from the JDBC column precision. */
    public DateColumn(Time time, int nanos, int jdbcPrecision) {
        this(time);
        if (time != null) {
            setNanos(nanos);
        }
        if (jdbcPrecision == 10) {
            setPrecision(0);
        }
        if (jdbcPrecision >= 12 && jdbcPrecision <= 17) {
            setPrecision(jdbcPrecision - 11);
        }
    }

    public DateColumn() {
        this((Long) null);
    }

    public DateColumn(final Long stamp) {
        super(stamp, Column.Type.DATE, null == stamp ? 0 : 8);
    }

    public DateColumn(final Date date) {
        this(date == null ? null : date.getTime());
    }

    public DateColumn(final java.sql.Date date) {
        this(date == null ? null : date.getTime());
        setSubType(DateType.DATE);
    }

    public DateColumn(final java.sql.Time time) {
        this(time == null ? null : time.getTime());
        setSubType(DateType.TIME);
    }

    public DateColumn(final java.sql.Timestamp ts) {
        this(ts == null ? null : ts.getTime());
        setSubType(DateType.DATETIME);
    }

    public long getNanos() {
        return nanos;
    }

    public void setNanos(int nanos) {
        this.nanos = nanos;
    }

    public int getPrecision() {
        return precision;
    }

    public void setPrecision(int precision) {
        this.precision = precision;
    }

    @Override
    public Long asLong() {
        return (Long) getRawData();
    }

    @Override
    public String asString() {
        try {
            return ColumnCast.date2String(this);
        } catch (Exception e) {
            throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                    String.format("Date[%s] cannot be converted to String.", getRawData()));
        }
    }

    @Override
    public Date asDate() {
        if (null == getRawData()) {
            return null;
        }
        return new Date((Long) getRawData());
    }

    @Override
    public Date asDate(String dateFormat) {
        return asDate();
    }

    @Override
    public byte[] asBytes() {
        throw notSupported("Bytes");
    }

    @Override
    public Boolean asBoolean() {
        throw notSupported("Boolean");
    }

    @Override
    public Double asDouble() {
        throw notSupported("Double");
    }

    @Override
    public BigInteger asBigInteger() {
        throw notSupported("BigInteger");
    }

    @Override
    public BigDecimal asBigDecimal() {
        throw notSupported("BigDecimal");
    }

    public DateType getSubType() {
        return subType;
    }

    public void setSubType(DateType subType) {
        this.subType = subType;
    }

    private static DataXException notSupported(String target) {
        return DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                "Date cannot be converted to " + target + ".");
    }
}

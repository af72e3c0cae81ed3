package com.alibaba.datax.common.element;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnTest {

    private static void assertCode(CommonErrorCode code, Executable call) {
        DataXException e = assertThrows(DataXException.class, call);
        assertSame(code, e.getErrorCode());
    }

    @Test
    void stringConversions() {
        StringColumn c = new StringColumn("123");
        assertEquals(3, c.getByteSize());
        assertEquals(Long.valueOf(123), c.asLong());
        assertEquals(Double.valueOf(123), c.asDouble());
        assertEquals(new BigDecimal("123"), c.asBigDecimal());
        assertEquals(Long.valueOf(1), new StringColumn("1.9").asLong());
        assertEquals(Boolean.TRUE, new StringColumn("TRUE").asBoolean());
        assertEquals(Double.NaN, new StringColumn("NaN").asDouble());
        assertCode(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new StringColumn("NaN").asLong());
        assertCode(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new StringColumn("abc").asLong());
        assertCode(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new StringColumn("yes").asBoolean());
        // DataX wraps the overflow in CONVERT_NOT_SUPPORT for String -> Long
        assertCode(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new StringColumn("99999999999999999999").asLong());
        assertArrayEquals("é".getBytes(StandardCharsets.UTF_8), new StringColumn("é").asBytes());
    }

    @Test
    void nullStringConvertsToNull() {
        StringColumn c = new StringColumn();
        assertEquals(0, c.getByteSize());
        assertNull(c.asLong());
        assertNull(c.asDouble());
        assertNull(c.asBoolean());
        assertNull(c.asDate());
        assertNull(c.asBytes());
        assertSame(Column.Type.STRING, c.getType());
    }

    @Test
    void stringToDateUsesDataxDefaultFormatsInGmtPlus8() {
        Date datetime = new StringColumn("2024-01-02 03:04:05").asDate();
        assertEquals(1704135845000L, datetime.getTime());
        Date date = new StringColumn("2024-01-02").asDate();
        assertEquals(1704124800000L, date.getTime());
        assertCode(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new StringColumn("not a date").asDate());
        assertEquals(1704124800000L, new StringColumn("02/01/2024").asDate("dd/MM/yyyy").getTime());
    }

    @Test
    void longConversions() {
        LongColumn c = new LongColumn(5L);
        assertEquals(8, c.getByteSize());
        assertEquals("5", c.asString());
        assertEquals(Double.valueOf(5), c.asDouble());
        assertEquals(Boolean.TRUE, c.asBoolean());
        assertEquals(Boolean.FALSE, new LongColumn(0).asBoolean());
        assertEquals(new Date(5), c.asDate());
        assertCode(CommonErrorCode.CONVERT_NOT_SUPPORT, c::asBytes);
        LongColumn fromText = new LongColumn("1.5e3");
        assertEquals(Long.valueOf(1500), fromText.asLong());
        assertEquals(5, fromText.getByteSize());
        assertCode(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new LongColumn("x"));
        assertCode(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new LongColumn(""));
        LongColumn huge = new LongColumn(new BigInteger("99999999999999999999"));
        assertCode(CommonErrorCode.CONVERT_OVER_FLOW, huge::asLong);
        assertEquals(0, new LongColumn().getByteSize());
        assertNull(new LongColumn((String) null).asLong());
    }

    @Test
    void doubleConversions() {
        DoubleColumn c = new DoubleColumn(1.25d);
        assertEquals("1.25", c.asString());
        assertEquals(4, c.getByteSize());
        assertEquals(Long.valueOf(1), c.asLong());
        assertEquals(new BigDecimal("1.25"), c.asBigDecimal());
        assertEquals("0.00001", new DoubleColumn(new BigDecimal("1E-5")).asString());
        assertCode(CommonErrorCode.CONVERT_NOT_SUPPORT, c::asBoolean);
        assertCode(CommonErrorCode.CONVERT_NOT_SUPPORT, c::asDate);
        assertCode(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new DoubleColumn("1,5"));
        assertTrue(Double.isNaN(new DoubleColumn("NaN").asDouble()));
    }

    @Test
    void boolConversions() {
        BoolColumn c = new BoolColumn("TRUE");
        assertEquals(Boolean.TRUE, c.asBoolean());
        assertEquals(Long.valueOf(1), c.asLong());
        assertEquals("true", c.asString());
        assertEquals(1, c.getByteSize());
        assertEquals(0, new BoolColumn((String) null).getByteSize());
        assertCode(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new BoolColumn("1"));
        assertCode(CommonErrorCode.CONVERT_NOT_SUPPORT, c::asDate);
    }

    @Test
    void dateConversions() {
        DateColumn c = new DateColumn(1704135845000L);
        assertEquals(8, c.getByteSize());
        assertEquals(Long.valueOf(1704135845000L), c.asLong());
        assertEquals("2024-01-02 03:04:05", c.asString());
        assertEquals("2024-01-02", new DateColumn(new java.sql.Date(1704135845000L)).asString());
        assertEquals("03:04:05", new DateColumn(new java.sql.Time(1704135845000L)).asString());
        assertCode(CommonErrorCode.CONVERT_NOT_SUPPORT, c::asDouble);
        assertNull(new DateColumn().asString());
    }

    @Test
    void bytesConversions() {
        byte[] raw = "abc".getBytes(StandardCharsets.UTF_8);
        BytesColumn c = new BytesColumn(raw);
        raw[0] = 'z';
        assertEquals("abc", c.asString());
        assertEquals(3, c.getByteSize());
        assertCode(CommonErrorCode.CONVERT_NOT_SUPPORT, c::asLong);
        assertNull(new BytesColumn().asString());
    }

    @Test
    void dataxExceptionMessageCarriesCodeDescriptionAndMessage() {
        DataXException e = DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR, "bad value");
        assertEquals("Code:[Common-00], Describe:[" + CommonErrorCode.CONFIG_ERROR.getDescription() + "] - bad value",
                e.getMessage());
        assertSame(e, DataXException.asDataXException(CommonErrorCode.RUNTIME_ERROR, "other", e));
        DataXException wrapped = DataXException.asDataXException(CommonErrorCode.RUNTIME_ERROR, "io",
                new IllegalStateException("boom"));
        assertTrue(wrapped.getMessage().startsWith("Code:[Common-11]"));
        assertTrue(wrapped.getMessage().contains(" - io - java.lang.IllegalStateException: boom"));
    }
}

package com.otsrange.runner.builtin;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One streamreader column: a constant {@code value}, a {@code random} "min,max" (as stock
 * streamreader: string length, long/double range, date range in dateFormat, bool weights), or
 * (extension) {@code incr} "start[,step]" for long, "start[,step[,unit]]" for date with unit
 * ms|s|m|h|d (default d). {@code value} wins over {@code random}, as in DataX.
 */
final class ColumnSpec {

    enum Type { STRING, LONG, BOOL, DOUBLE, DATE, BYTES }

    private static final Pattern PAIR = Pattern.compile("\\s*(.*)\\s*,\\s*(.*)\\s*");
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    final Type type;
    final String value;
    final String dateFormat;
    final boolean random;
    final boolean incr;
    final long p1;
    final long p2;
    final long step;

    private ColumnSpec(Type type, String value, String dateFormat, boolean random, boolean incr, long p1, long p2,
                       long step) {
        this.type = type;
        this.value = value;
        this.dateFormat = dateFormat;
        this.random = random;
        this.incr = incr;
        this.p1 = p1;
        this.p2 = p2;
        this.step = step;
    }

    boolean constant() {
        return !random && !incr;
    }

    static ColumnSpec parse(Configuration c, String path) {
        String typeName = c.getString("type");
        Type type;
        try {
            type = typeName == null || typeName.isBlank() ? Type.STRING : Type.valueOf(typeName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DataXException.asDataXException(StreamErrorCode.NOT_SUPPORT_TYPE, String.format(
                    "[%s.type] = [%s] is not supported; use one of string, long, bool, double, date, bytes.",
                    path, typeName));
        }
        String value = c.getString("value");
        String randomText = c.getString("random");
        String incrText = c.getString("incr");
        String dateFormat = c.getString("dateFormat", "yyyy-MM-dd HH:mm:ss");
        boolean hasValue = value != null && !value.isBlank();
        if (hasValue || (isBlank(randomText) && isBlank(incrText))) {
            if (value == null) {
                throw DataXException.asDataXException(StreamErrorCode.REQUIRED_VALUE,
                        "[" + path + "] needs a [value], a [random] \"min,max\" or an [incr] \"start[,step]\".");
            }
            if (type == Type.DATE) {
                parseDate(value, dateFormat, path + ".value");
            } else if (type == Type.LONG) {
                new LongColumn(value);
            } else if (type == Type.DOUBLE) {
                new DoubleColumn(value);
            }
            return new ColumnSpec(type, value, dateFormat, false, false, 0, 0, 0);
        }
        if (!isBlank(randomText)) {
            Matcher m = PAIR.matcher(randomText);
            if (!m.matches() || (isBlank(m.group(1)) && isBlank(m.group(2)))) {
                throw DataXException.asDataXException(StreamErrorCode.ILLEGAL_VALUE,
                        "[" + path + ".random] = [" + randomText + "] must be \"min,max\".");
            }
            long a;
            long b;
            try {
                if (type == Type.DATE) {
                    a = parseDate(m.group(1).trim(), dateFormat, path + ".random");
                    b = parseDate(m.group(2).trim(), dateFormat, path + ".random");
                } else {
                    a = Integer.parseInt(m.group(1).trim());
                    b = Integer.parseInt(m.group(2).trim());
                }
            } catch (NumberFormatException e) {
                throw DataXException.asDataXException(StreamErrorCode.ILLEGAL_VALUE,
                        "[" + path + ".random] = [" + randomText + "] must be two integers \"min,max\".");
            }
            if (a < 0 || b < 0 || (type != Type.BOOL && a > b)) {
                throw DataXException.asDataXException(StreamErrorCode.ILLEGAL_VALUE, "[" + path + ".random] = ["
                        + randomText + "] needs 0 <= min <= max.");
            }
            return new ColumnSpec(type, null, dateFormat, true, false, a, b, 0);
        }
        String[] parts = incrText.split(",");
        try {
            if (type == Type.LONG && parts.length <= 2) {
                long start = Long.parseLong(parts[0].trim());
                long step = parts.length > 1 ? Long.parseLong(parts[1].trim()) : 1;
                return new ColumnSpec(type, null, dateFormat, false, true, start, 0, step);
            }
            if (type == Type.DATE && parts.length <= 3) {
                long start = parseDate(parts[0].trim(), dateFormat, path + ".incr");
                long step = parts.length > 1 ? Long.parseLong(parts[1].trim()) : 1;
                long unit = parts.length > 2 ? unitMillis(parts[2].trim(), path) : 86_400_000L;
                return new ColumnSpec(type, null, dateFormat, false, true, start, 0, step * unit);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DataXException.asDataXException(StreamErrorCode.ILLEGAL_VALUE, "[" + path + ".incr] = [" + incrText
                + "] is invalid: long takes \"start[,step]\", date \"start[,step[,ms|s|m|h|d]]\"; other types have no incr.");
    }

    /** The column for the {@code n}-th record (0-based) of a task. */
    Column build(long n) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        switch (type) {
            case STRING:
                return new StringColumn(random ? randomText(rnd, between(rnd, p1, p2)) : value);
            case LONG:
                if (incr) {
                    return new LongColumn(p1 + n * step);
                }
                return random ? new LongColumn(between(rnd, p1, p2)) : new LongColumn(value);
            case DOUBLE:
                return random ? new DoubleColumn(p1 + rnd.nextDouble() * (p2 + 1 - p1)) : new DoubleColumn(value);
            case DATE:
                if (incr) {
                    return new DateColumn(new Date(p1 + n * step));
                }
                return new DateColumn(new Date(random ? between(rnd, p1, p2) : parseDate(value, dateFormat, "value")));
            case BOOL:
                return random ? new BoolColumn(randomBool(rnd)) : new BoolColumn("true".equalsIgnoreCase(value));
            case BYTES:
                byte[] bytes = random ? randomText(rnd, between(rnd, p1, p2)).getBytes(StandardCharsets.UTF_8)
                        : value.getBytes(StandardCharsets.UTF_8);
                return new BytesColumn(bytes);
            default:
                throw new IllegalStateException("unknown type " + type);
        }
    }

    /** Stock streamreader's weights: min is the weight of false, max of true. */
    private boolean randomBool(ThreadLocalRandom rnd) {
        long a = p1;
        long b = p2;
        if (a == b) {
            a = 0;
            b = 1;
        }
        if (a == 0) {
            return true;
        }
        if (b == 0) {
            return false;
        }
        return rnd.nextLong(0, a + b + 1) > a;
    }

    private static long between(ThreadLocalRandom rnd, long min, long max) {
        return rnd.nextLong(min, max + 1);
    }

    private static String randomText(ThreadLocalRandom rnd, long length) {
        StringBuilder text = new StringBuilder((int) length);
        for (long i = 0; i < length; i++) {
            text.append(ALNUM.charAt(rnd.nextInt(ALNUM.length())));
        }
        return text.toString();
    }

    private static long parseDate(String text, String format, String path) {
        try {
            return new SimpleDateFormat(format).parse(text).getTime();
        } catch (ParseException | IllegalArgumentException e) {
            throw DataXException.asDataXException(StreamErrorCode.ILLEGAL_VALUE,
                    "[" + path + "] = [" + text + "] does not match dateFormat [" + format + "].");
        }
    }

    private static long unitMillis(String unit, String path) {
        switch (unit) {
            case "ms": return 1L;
            case "s": return 1000L;
            case "m": return 60_000L;
            case "h": return 3_600_000L;
            case "d": return 86_400_000L;
            default:
                throw DataXException.asDataXException(StreamErrorCode.ILLEGAL_VALUE,
                        "[" + path + ".incr] unit [" + unit + "] must be one of ms, s, m, h, d.");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

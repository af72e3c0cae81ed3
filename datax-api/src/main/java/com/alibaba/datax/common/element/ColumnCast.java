package com.alibaba.datax.common.element;

import com.alibaba.datax.common.util.Configuration;

import java.io.UnsupportedEncodingException;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

/**
 * String/Date/Bytes conversions shared by the column types. Settings come from
 * {@code common.column.*} of the engine configuration via {@link #bind(Configuration)};
 * until then DataX's defaults apply (yyyy-MM-dd HH:mm:ss, yyyy-MM-dd, HH:mm:ss, GMT+8, UTF-8).
 */
public final class ColumnCast {

    private static volatile Settings settings = Settings.defaults();

    private ColumnCast() {
    }

    public static void bind(final Configuration configuration) {
        settings = Settings.from(configuration);
    }

    public static Date string2Date(final StringColumn column) throws ParseException {
        String text = column.asString();
        if (text == null) {
            return null;
        }
        Settings s = settings;
        ParseException last = null;
        for (String pattern : s.stringPatterns()) {
            try {
                return s.formatter(pattern).parse(text);
            } catch (ParseException e) {
                last = e;
            }
        }
        throw last;
    }

    public static Date string2Date(final StringColumn column, String dateFormat) throws ParseException {
        return settings.formatter(dateFormat).parse(column.asString());
    }

    public static byte[] string2Bytes(final StringColumn column) throws UnsupportedEncodingException {
        String text = column.asString();
        return text == null ? null : text.getBytes(settings.stringEncoding);
    }

    public static String date2String(final DateColumn column) {
        Date date = column.asDate();
        if (date == null) {
            return null;
        }
        Settings s = settings;
        switch (column.getSubType()) {
            case DATE:
                return s.formatter(s.dateFormat).format(date);
            case TIME:
                return s.formatter(s.timeFormat).format(date);
            default:
                return s.formatter(s.datetimeFormat).format(date);
        }
    }

    public static String bytes2String(final BytesColumn column) throws UnsupportedEncodingException {
        byte[] bytes = column.asBytes();
        return bytes == null ? null : new String(bytes, settings.bytesEncoding);
    }

    private static final class Settings {
        final String datetimeFormat;
        final String dateFormat;
        final String timeFormat;
        final List<String> extraFormats;
        final TimeZone timeZone;
        final String stringEncoding;
        final String bytesEncoding;

        Settings(String datetimeFormat, String dateFormat, String timeFormat, List<String> extraFormats,
                 TimeZone timeZone, String stringEncoding, String bytesEncoding) {
            this.datetimeFormat = datetimeFormat;
            this.dateFormat = dateFormat;
            this.timeFormat = timeFormat;
            this.extraFormats = extraFormats;
            this.timeZone = timeZone;
            this.stringEncoding = stringEncoding;
            this.bytesEncoding = bytesEncoding;
        }

        static Settings defaults() {
            return new Settings("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "HH:mm:ss", Collections.<String>emptyList(),
                    TimeZone.getTimeZone("GMT+8"), "UTF-8", "utf-8");
        }

        static Settings from(Configuration c) {
            Settings d = defaults();
            String encoding = c.getString("common.column.encoding");
            return new Settings(
                    c.getString("common.column.datetimeFormat", d.datetimeFormat),
                    c.getString("common.column.dateFormat", d.dateFormat),
                    c.getString("common.column.timeFormat", d.timeFormat),
                    c.getList("common.column.extraFormats", Collections.<String>emptyList(), String.class),
                    TimeZone.getTimeZone(c.getString("common.column.timeZone", "GMT+8")),
                    encoding == null ? d.stringEncoding : encoding,
                    encoding == null ? d.bytesEncoding : encoding);
        }

        /** Order DataX tries when parsing a string without an explicit format. */
        List<String> stringPatterns() {
            List<String> patterns = new java.util.ArrayList<String>();
            patterns.add(datetimeFormat);
            patterns.add(dateFormat);
            patterns.add(timeFormat);
            patterns.addAll(extraFormats);
            return patterns;
        }

        /** SimpleDateFormat is not thread-safe, so every call gets its own. */
        SimpleDateFormat formatter(String pattern) {
            SimpleDateFormat format = new SimpleDateFormat(pattern);
            format.setTimeZone(timeZone);
            return format;
        }
    }
}

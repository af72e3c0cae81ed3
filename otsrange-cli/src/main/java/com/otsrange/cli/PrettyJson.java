package com.otsrange.cli;

import com.alibaba.fastjson.JSON;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes maps, lists and scalars as JSON indented by two spaces, keeping map order: generated job
 * files are read and edited by people (fastjson's own pretty format indents with tabs).
 */
final class PrettyJson {

    private PrettyJson() {
    }

    static String format(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.append('\n').toString();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (value instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) value;
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                indent(out, depth + 1);
                out.append(JSON.toJSONString(String.valueOf(entry.getKey()))).append(": ");
                write(entry.getValue(), out, depth + 1);
                out.append(entries.hasNext() ? ",\n" : "\n");
            }
            indent(out, depth);
            out.append('}');
        } else if (value instanceof Collection) {
            Collection<?> list = (Collection<?>) value;
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            String inline = allScalars(list) ? inline(list) : null;
            if (inline != null && inline.length() <= 100) {
                out.append(inline);
                return;
            }
            out.append("[\n");
            Iterator<?> items = list.iterator();
            while (items.hasNext()) {
                indent(out, depth + 1);
                write(items.next(), out, depth + 1);
                out.append(items.hasNext() ? ",\n" : "\n");
            }
            indent(out, depth);
            out.append(']');
        } else {
            out.append(JSON.toJSONString(value));
        }
    }

    private static boolean allScalars(Collection<?> list) {
        for (Object item : list) {
            if (item instanceof Map || item instanceof Collection) {
                return false;
            }
        }
        return true;
    }

    private static String inline(Collection<?> list) {
        StringBuilder text = new StringBuilder("[");
        for (Object item : list) {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(JSON.toJSONString(item));
        }
        return text.append(']').toString();
    }

    private static void indent(StringBuilder out, int depth) {
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }
}

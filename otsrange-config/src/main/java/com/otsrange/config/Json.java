package com.otsrange.config;

import com.alibaba.fastjson.JSON;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON as the docs and the job templates show it: {@code {"a": 1, "b": [2, 3]}}, keys in their order. */
public final class Json {
    private Json() {
    }

    public static String compact(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object value) {
        if (value instanceof Map) {
            sb.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) value).entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                sb.append(JSON.toJSONString(String.valueOf(e.getKey()))).append(": ");
                append(sb, e.getValue());
                sb.append(it.hasNext() ? ", " : "");
            }
            sb.append('}');
        } else if (value instanceof List) {
            sb.append('[');
            List<?> list = (List<?>) value;
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                append(sb, list.get(i));
            }
            sb.append(']');
        } else {
            sb.append(JSON.toJSONString(value));
        }
    }
}

package com.otsrange.common;

import com.alibaba.datax.common.util.Configuration;
import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.Feature;

import java.util.Collections;
import java.util.Map;

/**
 * A plugin's DataX {@code Configuration} as plain ordered maps and lists, for both plugins' spec
 * parsers. Read back from its JSON text rather than its internal object: a real DataX holds its
 * own JSON library's types there (fastjson2), which the parsers need not know.
 */
public final class ParameterMap {
    // "@type" stays an ordinary key (an unknown-key error), never a class to instantiate
    private static final Feature[] FEATURES = {Feature.OrderedField, Feature.DisableSpecialKeyDetect};

    private ParameterMap() {
    }

    /** The parameter's keys in the order written; an empty map when it is not a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Configuration conf) {
        Object parsed = JSON.parse(conf.toJSON(), FEATURES);
        return parsed instanceof Map ? (Map<String, Object>) parsed : Collections.<String, Object>emptyMap();
    }
}

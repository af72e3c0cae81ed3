package com.otsrange.reader.config;

import com.otsrange.common.JsonProblem;
import com.otsrange.common.Problems;
import com.otsrange.config.Param;
import com.otsrange.config.Types;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** JSON shapes the reader's parser checks besides its declared parameters ({@link ReaderParams}). */
final class Fields {
    private Fields() {
    }

    /** Every key of {@code map} must be one of the declared parameters (a did-you-mean otherwise). */
    static void rejectUnknown(Map<String, Object> map, List<Param<?>> allowed, String path, Problems problems) {
        for (String key : map.keySet()) {
            if (!Param.names(allowed).contains(key)) {
                problems.add(join(path, key), "unknown key" + Param.didYouMean(key, allowed) + "; valid keys here: "
                        + String.join(", ", Param.names(allowed)));
            }
        }
    }

    static void rejectUnknown(Map<String, Object> map, Collection<String> allowed, String path, Problems problems) {
        rejectUnknown(map, allowed, Collections.<String, String>emptyMap(), path, problems);
    }

    /** @param aliases names people write for an allowed key (a did-you-mean names the key) */
    static void rejectUnknown(Map<String, Object> map, Collection<String> allowed, Map<String, String> aliases, String path,
                              Problems problems) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                problems.add(join(path, key), "unknown key" + Problems.didYouMean(key, allowed, aliases) + "; valid keys here: "
                        + String.join(", ", allowed));
            }
        }
    }

    static String join(String path, String key) {
        return JsonProblem.join(path, key);
    }

    /** A list of non-empty strings, verbatim (column names are never trimmed); may be empty only when {@code allowEmpty}. */
    static List<String> stringList(Object v, String path, boolean allowEmpty, Problems problems) {
        List<String> out = Types.STRINGS.parse(v, path, problems);
        if (out != null && out.isEmpty() && !allowEmpty) {
            problems.add(path, "must not be empty");
            return null;
        }
        return out;
    }
}

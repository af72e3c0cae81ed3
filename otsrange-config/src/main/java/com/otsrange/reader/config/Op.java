package com.otsrange.reader.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Filter operators of the job JSON, each with the names people write for it elsewhere (a did-you-mean only). */
public enum Op {
    EQ("eq", "equals"), NE("ne", "neq"), GT("gt"), GTE("gte", "ge"), LT("lt"), LTE("lte", "le"), IN("in"),
    NOT_IN("notIn", "not_in", "notin"), BETWEEN("between");

    private final String json;
    private final List<String> aliases;

    Op(String json, String... aliases) {
        this.json = json;
        this.aliases = Collections.unmodifiableList(Arrays.asList(aliases));
    }

    public String json() {
        return json;
    }

    /** Names that mean this operator elsewhere; refused here, with a did-you-mean naming {@link #json()}. */
    public List<String> aliases() {
        return aliases;
    }

    public static Op fromJson(String key) {
        for (Op op : values()) {
            if (op.json.equals(key)) {
                return op;
            }
        }
        return null;
    }

    /** Operators that bound a range (their values are bounds, so time literals there must be valid). */
    public boolean isRange() {
        return this == GT || this == GTE || this == LT || this == LTE || this == BETWEEN;
    }

    public boolean takesList() {
        return this == IN || this == NOT_IN || this == BETWEEN;
    }
}

package com.otsrange.reader.config;

/** Filter operators of the job JSON. */
public enum Op {
    EQ("eq"), NE("ne"), GT("gt"), GTE("gte"), LT("lt"), LTE("lte"), IN("in"), NOT_IN("notIn"), BETWEEN("between");

    private final String json;

    Op(String json) {
        this.json = json;
    }

    public String json() {
        return json;
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

package com.otsrange.config;

import com.otsrange.common.JsonProblem;
import com.otsrange.common.Problems;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One job parameter, declared once: its JSON name, how its value reads ({@link ValueType}: the
 * parser, the canonical form), the rules a parsed value must also meet, its default, what the
 * docs say about it and the names people write by mistake. Everything that reads a parameter
 * (each plugin, its peer's view of it, the job fingerprint, incremental mode, {@code validate},
 * {@code plan}, {@code migrate}, the docs) reads it through here.
 *
 * @param <T> the parsed value
 */
public final class Param<T> {
    /** A rule a parsed value must meet besides its type: what is wrong and what would be valid, or null when it holds. */
    public interface Rule<T> {
        String problem(T value);
    }

    private final String name;
    private final ValueType<T> type;
    private final T defaultValue;
    private final String missing;
    private final List<Rule<T>> rules;
    private final List<String> aliases;
    private final String docType;
    private final String docDefault;
    private final String summary;
    private final String doc;
    private final Object example;

    private Param(Builder<T> b) {
        this.name = b.name;
        this.type = b.type;
        this.defaultValue = b.defaultValue;
        this.missing = b.missing;
        this.rules = Collections.unmodifiableList(new ArrayList<>(b.rules));
        this.aliases = Collections.unmodifiableList(new ArrayList<>(b.aliases));
        this.docType = b.docType;
        this.docDefault = b.docDefault;
        this.summary = b.summary;
        this.doc = b.doc;
        this.example = b.example;
    }

    public static <T> Builder<T> of(String name, ValueType<T> type) {
        return new Builder<>(name, type);
    }

    public String name() {
        return name;
    }

    public ValueType<T> type() {
        return type;
    }

    /** The value an absent parameter has (null: none). */
    public T defaultValue() {
        return defaultValue;
    }

    public boolean required() {
        return missing != null;
    }

    /** Names people write instead of this one (the Python exporter's snake_case), for "did you mean". */
    public List<String> aliases() {
        return aliases;
    }

    /** The value as written in {@code parameter}, or null when absent. */
    public Object given(Map<String, ?> parameter) {
        return parameter == null ? null : parameter.get(name);
    }

    /** {@code at.name}: where problems of this parameter are reported. */
    public String path(String at) {
        return JsonProblem.join(at, name);
    }

    /**
     * The parsed value: the default when absent (a problem when required, as a blank string is),
     * null after a problem (added to {@code problems} at {@code at.name}).
     */
    public T read(Map<String, ?> parameter, String at, Problems problems) {
        Object raw = given(parameter);
        if (raw == null) {
            if (missing != null) {
                problems.add(path(at), "missing; " + missing);
            }
            return defaultValue;
        }
        if (missing != null && raw instanceof String && ((String) raw).trim().isEmpty()) {
            problems.add(path(at), "must not be blank; " + missing);
            return null;
        }
        return check(raw, type.parse(raw, path(at), problems), path(at), problems);
    }

    /** {@link #read}, but the default after a problem too: for parsers that go on to find every other problem. */
    public T readOrDefault(Map<String, ?> parameter, String at, Problems problems) {
        T v = read(parameter, at, problems);
        return v == null ? defaultValue : v;
    }

    /** A value that is present, read at {@code path} (for values inside lists or under other keys). */
    public T parse(Object raw, String path, Problems problems) {
        return check(raw, type.parse(raw, path, problems), path, problems);
    }

    /** The rules on a parsed value; a broken one is {@code <value as written> is invalid; <why>}. */
    private T check(Object raw, T value, String path, Problems problems) {
        if (value == null) {
            return null;
        }
        for (Rule<T> r : rules) {
            String why = r.problem(value);
            if (why != null) {
                problems.add(path, Problems.json(raw) + " is invalid; " + why);
                return null;
            }
        }
        return value;
    }

    /** What the job fingerprint hashes: the type's canonical form (null stays null). */
    public Object canonical(T value) {
        return value == null ? null : type.canonical(value);
    }

    /** The docs' type column. */
    public String docType() {
        return docType != null ? docType : type.describe();
    }

    /** The docs' default column: the default's canonical JSON, or what the declaration says. */
    public String docDefault() {
        if (docDefault != null) {
            return docDefault;
        }
        if (defaultValue == null) {
            return missing != null ? "(required)" : "(none)";
        }
        Object shown = type instanceof Types.Keyword ? ((Types.Keyword<?>) type).text(defaultValue) : type.canonical(defaultValue);
        // a text as it reads (`ms`, `UTC`); only the empty one needs its quotes to be seen
        return "`" + (shown instanceof String && !((String) shown).isEmpty() ? shown : Json.compact(shown)) + "`";
    }

    /** README's short line; null: this parameter shares the row of the one declared before it. */
    public String summary() {
        return summary;
    }

    /** The reference docs' "meaning" cell. */
    public String doc() {
        return doc;
    }

    /** The value {@code plugin_job_template.json} shows; null: left out of the template. */
    public Object example() {
        return example;
    }

    /** The names of these parameters, in order. */
    public static List<String> names(Collection<? extends Param<?>> params) {
        List<String> out = new ArrayList<>(params.size());
        for (Param<?> p : params) {
            out.add(p.name);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * {@code " (did you mean \"x\"?)"} for an unknown key, or "": a declared alias, else the
     * closest declared name ({@link Problems#didYouMean}).
     */
    public static String didYouMean(String key, Collection<? extends Param<?>> params) {
        for (Param<?> p : params) {
            if (p.aliases.contains(key)) {
                return " (did you mean \"" + p.name + "\"?)";
            }
        }
        return Problems.didYouMean(key, names(params));
    }

    @Override
    public String toString() {
        return name;
    }

    /** Declares a parameter; everything but the name and the type is optional. */
    public static final class Builder<T> {
        private final String name;
        private final ValueType<T> type;
        private T defaultValue;
        private String missing;
        private final List<Rule<T>> rules = new ArrayList<>();
        private final List<String> aliases = new ArrayList<>();
        private String docType;
        private String docDefault;
        private String summary;
        private String doc;
        private Object example;

        private Builder(String name, ValueType<T> type) {
            this.name = name;
            this.type = type;
        }

        public Builder<T> defaultValue(T value) {
            this.defaultValue = value;
            return this;
        }

        /** Required: an absent value is the problem "missing; {@code whatToGive}". */
        public Builder<T> required(String whatToGive) {
            this.missing = whatToGive;
            return this;
        }

        public Builder<T> rule(Rule<T> rule) {
            rules.add(rule);
            return this;
        }

        public Builder<T> aliases(String... names) {
            aliases.addAll(Arrays.asList(names));
            return this;
        }

        public Builder<T> docType(String text) {
            this.docType = text;
            return this;
        }

        public Builder<T> docDefault(String text) {
            this.docDefault = text;
            return this;
        }

        public Builder<T> summary(String text) {
            this.summary = text;
            return this;
        }

        public Builder<T> doc(String text) {
            this.doc = text;
            return this;
        }

        public Builder<T> example(Object value) {
            this.example = value;
            return this;
        }

        public Param<T> build() {
            return new Param<>(this);
        }
    }
}

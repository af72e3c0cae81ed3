package com.otsrange.config;

import com.otsrange.common.Problems;

/**
 * How one kind of parameter value reads from job JSON: the parser (with the product's one
 * leniency policy, {@link Types}), the canonical form the job fingerprint hashes, and what the
 * docs call the type.
 *
 * @param <T> the parsed value
 */
public interface ValueType<T> {
    /**
     * The value of a JSON value that is present (never null here), or null after adding to
     * {@code problems} what is wrong at {@code path} and what would be valid.
     */
    T parse(Object raw, String path, Problems problems);

    /**
     * The value as plain JSON (string, number, boolean, list, map), equal for values that mean
     * the same: what the job fingerprint hashes.
     */
    Object canonical(T value);

    /** The docs' type column, e.g. {@code boolean} or {@code `ms` \| `s` \| `us`}. */
    String describe();
}

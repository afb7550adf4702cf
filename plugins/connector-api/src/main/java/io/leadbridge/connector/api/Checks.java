package io.leadbridge.connector.api;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by this package's value types; stateless and thread-safe. */
final class Checks {

    private Checks() {
    }

    /** Returns the value, rejecting {@code null} and blank strings. */
    static String required(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    /** Returns a non-blank value cut to at most {@code max} characters. */
    static String cut(String value, String what, int max) {
        required(value, what);
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** Returns the duration, rejecting {@code null} and negative values. */
    static Duration notNegative(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative");
        }
        return duration;
    }

    /** Returns the duration, rejecting {@code null}, zero and negative values. */
    static Duration positive(Duration duration, String what) {
        notNegative(duration, what);
        if (duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
        return duration;
    }
}

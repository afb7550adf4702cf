package io.leadbridge.connector.api.lead;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Argument checks and normalisation shared by the lead builders; stateless and thread-safe. */
final class Text {

    private Text() {
    }

    /** Returns the value, or empty when it is {@code null} or blank. */
    static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Returns the value, rejecting {@code null} and blank strings. */
    static String required(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    /** Returns a model year, rejecting values outside 1 to 9999. */
    static int year(int year) {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year must be between 1 and 9999, was " + year);
        }
        return year;
    }

    /** Returns an unmodifiable copy that keeps the order, rejecting {@code null} elements. */
    static <T> List<T> copy(List<T> values, String what) {
        Objects.requireNonNull(values, what);
        List<T> copy = new ArrayList<>(values.size());
        for (T value : values) {
            copy.add(Objects.requireNonNull(value, () -> what + " must not contain null"));
        }
        return Collections.unmodifiableList(copy);
    }
}

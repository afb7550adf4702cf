package io.leadbridge.connector.api;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Lets a plugin count and time what it does, in the host's metrics registry; exists so plugins need
 * no metrics library. Implemented by the host; thread-safe.
 *
 * <p>The host prefixes every name with {@code connector.<id>.} and adds the connector id; it does
 * not add tenant or integration ids as tags (its own delivery metrics carry those where they are
 * bounded). A plugin's tags must have few possible values: a vendor endpoint name, an HTTP status
 * class, an outcome kind; never a lead id, a tenant id, an e-mail address or a vendor message.
 *
 * <p>The tag set is bounded: at most {@value #MAX_TAGS} tags per sample, names matching
 * {@link #NAME}, tag keys matching {@link #TAG_KEY}, tag values matching {@link #TAG_VALUE}, and at
 * most {@value #MAX_SERIES_PER_NAME} distinct tag combinations per name per connector. A sample
 * that breaks a rule is dropped and the host logs the rule once; metrics never throw into a
 * delivery.
 */
public interface ConnectorMetrics {

    /** Pattern of a metric name, such as {@code vendor.calls}. */
    Pattern NAME = Pattern.compile("[a-z][a-z0-9_.]{0,63}");

    /** Pattern of a tag key, such as {@code endpoint}. */
    Pattern TAG_KEY = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    /** Pattern of a tag value, such as {@code batch_upsert} or {@code 4xx}. */
    Pattern TAG_VALUE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** Most tags on one sample. */
    int MAX_TAGS = 4;

    /** Most distinct tag combinations kept per metric name and connector; later ones are dropped. */
    int MAX_SERIES_PER_NAME = 50;

    /**
     * Adds one to a counter.
     *
     * @param name the counter's name
     * @param tags tag keys to values; may be empty
     */
    void increment(String name, Map<String, String> tags);

    /**
     * Records a duration in a timer.
     *
     * @param name     the timer's name
     * @param duration how long something took; not negative
     * @param tags     tag keys to values; may be empty
     */
    void record(String name, Duration duration, Map<String, String> tags);

    /**
     * Adds one to a counter without tags.
     *
     * @param name the counter's name
     */
    default void increment(String name) {
        increment(name, Map.of());
    }
}

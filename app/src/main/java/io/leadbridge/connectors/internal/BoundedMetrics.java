package io.leadbridge.connectors.internal;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.leadbridge.connector.api.ConnectorMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plugin's metrics in the hub's registry, named {@code connector.<id>.<name>} with the tags
 * appended Graphite-style ({@code ;key=value}, keys sorted). A sample that breaks a rule of
 * {@link ConnectorMetrics} is dropped and the rule logged once per connector; nothing here throws
 * into a delivery. It reaches the registry (which holds every metric of the hub, gauges that read
 * the database included) only through {@link Sealed} functions that create or find metrics under
 * {@code connector.<id>.} and nowhere else. Thread-safe.
 */
final class BoundedMetrics implements ConnectorMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(BoundedMetrics.class);

  private final Sealed<String, Counter> counters;
  private final Sealed<String, Timer> timers;
  private final String connectorId;
  private final MetricSeries series;

  BoundedMetrics(MetricRegistry registry, String connectorId, MetricSeries series) {
    String prefix = fullName(connectorId, "", Map.of());
    this.counters = Sealed.of(name -> registry.counter(requirePrefix(prefix, name)));
    this.timers = Sealed.of(name -> registry.timer(requirePrefix(prefix, name)));
    this.connectorId = connectorId;
    this.series = series;
  }

  /** The registry name of a connector metric. */
  static String fullName(String connectorId, String name, Map<String, String> tags) {
    StringBuilder full = new StringBuilder("connector.").append(connectorId).append('.').append(name);
    new TreeMap<>(tags).forEach((key, value) -> full.append(';').append(key).append('=').append(value));
    return full.toString();
  }

  @Override
  public void increment(String name, Map<String, String> tags) {
    String full = admitted(name, tags);
    if (full != null) {
      try {
        counters.apply(full).inc();
      } catch (IllegalArgumentException e) {
        breach(name, "is already a timer");
      }
    }
  }

  @Override
  public void record(String name, Duration duration, Map<String, String> tags) {
    if (duration == null || duration.isNegative()) {
      breach(String.valueOf(name), "got a missing or negative duration");
      return;
    }
    String full = admitted(name, tags);
    if (full != null) {
      try {
        timers.apply(full).update(duration);
      } catch (IllegalArgumentException e) {
        breach(name, "is already a counter");
      }
    }
  }

  private static String requirePrefix(String prefix, String name) {
    if (!name.startsWith(prefix)) {
      throw new IllegalArgumentException("a connector's metrics are named " + prefix + "*");
    }
    return name;
  }

  private String admitted(String name, Map<String, String> tags) {
    if (name == null || !NAME.matcher(name).matches()) {
      breach(String.valueOf(name), "does not match " + NAME.pattern());
      return null;
    }
    Map<String, String> given = tags == null ? Map.of() : tags;
    if (given.size() > MAX_TAGS) {
      breach(name, "has more than " + MAX_TAGS + " tags");
      return null;
    }
    for (Map.Entry<String, String> tag : given.entrySet()) {
      if (tag.getKey() == null || tag.getValue() == null || !TAG_KEY.matcher(tag.getKey()).matches()
          || !TAG_VALUE.matcher(tag.getValue()).matches()) {
        breach(name, "has a tag key or value outside " + TAG_KEY.pattern() + " / " + TAG_VALUE.pattern());
        return null;
      }
    }
    String full = fullName(connectorId, name, given);
    if (!series.admit(name, full)) {
      breach(name, "has more than " + MAX_SERIES_PER_NAME + " tag combinations");
      return null;
    }
    return full;
  }

  private void breach(String name, String rule) {
    String shown = Causes.oneLine(name.length() > 64 ? name.substring(0, 64) : name);
    if (series.firstBreach(shown + " " + rule)) {
      LOG.warn("connector {} metric '{}' {}: its samples are dropped", connectorId, shown, rule);
    }
  }
}

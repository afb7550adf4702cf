package io.leadbridge.connectors.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tag combinations one connector has used per metric name, kept across calls and plugin
 * versions so that {@code ConnectorMetrics.MAX_SERIES_PER_NAME} holds for the connector, and the
 * rules already reported, so each is logged once. Thread-safe.
 */
final class MetricSeries {

  private final int maxPerName;
  private final Map<String, Set<String>> seriesByName = new ConcurrentHashMap<>();
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  MetricSeries(int maxPerName) {
    this.maxPerName = maxPerName;
  }

  /** Whether a sample of this series may be kept: known, or new and within the budget. */
  boolean admit(String name, String series) {
    Set<String> known = seriesByName.computeIfAbsent(name, key -> ConcurrentHashMap.newKeySet());
    synchronized (known) {
      if (known.contains(series)) {
        return true;
      }
      if (known.size() >= maxPerName) {
        return false;
      }
      known.add(series);
      return true;
    }
  }

  /** True the first time a rule is broken for this connector, false after. */
  boolean firstBreach(String rule) {
    return reported.add(rule);
  }
}

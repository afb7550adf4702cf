package io.leadbridge.credentials.internal;

import com.codahale.metrics.MetricRegistry;

/**
 * Counts key-service calls by operation and outcome ({@code credentials.keys.<op>.ok|failed}), so
 * an operator sees how often the cache misses and whether KMS refuses. Thread-safe.
 */
public final class KmsCallMetrics {

  private final MetricRegistry registry;

  public KmsCallMetrics(MetricRegistry registry) {
    this.registry = registry;
  }

  void succeeded(String operation) {
    registry.meter(MetricRegistry.name("credentials.keys", operation, "ok")).mark();
  }

  void failed(String operation) {
    registry.meter(MetricRegistry.name("credentials.keys", operation, "failed")).mark();
  }

  /** Total successful and failed calls of one operation, for tests and benchmarks. */
  public long count(String operation) {
    return registry.meter(MetricRegistry.name("credentials.keys", operation, "ok")).getCount()
        + registry.meter(MetricRegistry.name("credentials.keys", operation, "failed")).getCount();
  }
}

package io.leadbridge.delivery.internal;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.leadbridge.rollout.ConnectorActivity;
import io.leadbridge.rollout.DeliveryActivity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.jdbi.v3.core.Jdbi;

/**
 * Each connector's delivery numbers as gauges on the admin port ({@code delivery.<connector>.
 * last_hour.delivered}, {@code .now.failing}, {@code .now.held}, {@code .last_hour.dead}), read from the
 * outbox so that every node reports the cluster's numbers, not its own; the rollout report reads
 * the same snapshot. The snapshot is at most {@link #MAX_AGE} old. Thread-safe.
 */
public final class ActivityCounts implements DeliveryActivity {

  static final Duration MAX_AGE = Duration.ofSeconds(5);

  private final Jdbi jdbi;
  private final Clock clock;
  private final IntegrationBreakers breakers;
  private Map<String, long[]> snapshot = Map.of();
  private Instant takenAt = Instant.EPOCH;

  public ActivityCounts(Jdbi jdbi, Clock clock, IntegrationBreakers breakers) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.breakers = breakers;
  }

  /** Registers the gauges of these connectors. */
  public void register(MetricRegistry metrics, List<String> connectorIds) {
    for (String connector : connectorIds) {
      gauge(metrics, connector, "last_hour.delivered", ConnectorActivity::deliveredLastHour);
      gauge(metrics, connector, "now.failing", ConnectorActivity::failing);
      gauge(metrics, connector, "now.held", ConnectorActivity::held);
      gauge(metrics, connector, "last_hour.dead", ConnectorActivity::deadLastHour);
    }
  }

  @Override
  public ConnectorActivity of(String connectorId) {
    long[] counts = current().getOrDefault(connectorId, new long[4]);
    return new ConnectorActivity(counts[0], counts[1], counts[2], counts[3], breakers.openCount(connectorId));
  }

  private synchronized Map<String, long[]> current() {
    Instant now = clock.instant();
    if (Duration.between(takenAt, now).compareTo(MAX_AGE) >= 0) {
      snapshot = load(now.minus(Duration.ofHours(1)));
      takenAt = now;
    }
    return snapshot;
  }

  private Map<String, long[]> load(Instant since) {
    Map<String, long[]> counts = new HashMap<>();
    jdbi.useHandle(handle -> handle.createQuery(
            "SELECT connector_id, status, COUNT(*) AS n FROM deliveries"
                + " WHERE status IN ('retrying', 'held')"
                + " OR (status IN ('delivered', 'dead') AND updated_at >= :since)"
                + " GROUP BY connector_id, status")
        .bind("since", since)
        .map((rs, ctx) -> {
          String connector = rs.getString("connector_id");
          if (connector != null) {
            counts.computeIfAbsent(connector, c -> new long[4])[column(rs.getString("status"))] += rs.getLong("n");
          }
          return connector;
        })
        .list());
    return counts;
  }

  private static int column(String status) {
    return switch (status) {
      case "delivered" -> 0;
      case "retrying" -> 1;
      case "held" -> 2;
      default -> 3;
    };
  }

  private void gauge(MetricRegistry metrics, String connector, String name, ToLongFunction<ConnectorActivity> value) {
    metrics.gauge(MetricRegistry.name(DeliveryMeters.connectorPrefix(connector), name),
        () -> (Gauge<Long>) () -> value.applyAsLong(of(connector)));
  }
}

package io.leadbridge.delivery.internal;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.leadbridge.delivery.DeliveryConfiguration.BreakerConfiguration;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One Resilience4j circuit breaker per integration: a vendor that keeps failing for one tenant
 * gets a rest (its deliveries stay in the outbox) instead of every due batch. A failure is a batch
 * whose every answer was retryable or that timed out; rejections and rate limits are answers from
 * a healthy vendor. The failure rate is counted per node; an opening is shared: it is written to
 * the {@link DeliveryPacing}, and every node leaves the integration's work alone until it ends.
 * Thread-safe.
 */
public final class IntegrationBreakers {

  private final CircuitBreakerRegistry registry;
  private final MetricRegistry metrics;
  private final DeliveryPacing pacing;

  public IntegrationBreakers(BreakerConfiguration config, MetricRegistry metrics, DeliveryPacing pacing) {
    CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(config.getWindow())
        .minimumNumberOfCalls(config.getWindow())
        .failureRateThreshold(config.getFailureRateThreshold())
        .waitDurationInOpenState(Duration.ofMillis(config.getOpenFor().toMilliseconds()))
        .permittedNumberOfCallsInHalfOpenState(1)
        .build();
    this.registry = CircuitBreakerRegistry.of(breaker);
    this.metrics = metrics;
    Duration openFor = Duration.ofMillis(config.getOpenFor().toMilliseconds());
    registry.getEventPublisher().onEntryAdded(added -> {
      CircuitBreaker created = added.getAddedEntry();
      String connectorId = created.getTags().get("connector");
      UUID integrationId = UUID.fromString(created.getName());
      created.getEventPublisher().onStateTransition(change -> {
        CircuitBreaker.State to = change.getStateTransition().getToState();
        if (to == CircuitBreaker.State.OPEN) {
          pacing.openBreaker(connectorId, integrationId, openFor);
        } else if (to == CircuitBreaker.State.CLOSED) {
          pacing.closeBreaker(integrationId);
        }
      });
    });
    this.pacing = pacing;
  }

  /** The integrations this node has a breaker for, with their connector. */
  public Map<UUID, String> known() {
    Map<UUID, String> known = new HashMap<>();
    registry.getAllCircuitBreakers().forEach(b -> known.put(UUID.fromString(b.getName()), b.getTags().get("connector")));
    return known;
  }

  /** Forgets a removed integration's breaker, its gauge and its shared opening. */
  public void forget(String connectorId, UUID integrationId) {
    registry.remove(integrationId.toString());
    metrics.remove(DeliveryMeters.integrationPrefix(connectorId, integrationId) + ".breaker");
    pacing.forget(integrationId);
  }

  /** The integration's breaker; its state is the gauge {@code delivery.<connector>.integration.<id>.breaker}. */
  public CircuitBreaker of(String connectorId, UUID integrationId) {
    return registry.circuitBreaker(
        integrationId.toString(), () -> created(connectorId, integrationId), Map.of("connector", connectorId));
  }

  /** How many breakers of the connector's integrations are open on this node. */
  public long openCount(String connectorId) {
    return registry.getAllCircuitBreakers().stream()
        .filter(b -> connectorId.equals(b.getTags().get("connector")))
        .filter(b -> b.getState() == CircuitBreaker.State.OPEN)
        .count();
  }

  public static void success(CircuitBreaker breaker, long startNanos) {
    breaker.onSuccess(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }

  public static void failure(CircuitBreaker breaker, long startNanos, Throwable cause) {
    breaker.onError(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS, cause);
  }

  private CircuitBreakerConfig created(String connectorId, UUID integrationId) {
    String name = DeliveryMeters.integrationPrefix(connectorId, integrationId) + ".breaker";
    metrics.gauge(name, () -> (Gauge<Integer>) () -> registry.find(integrationId.toString())
        .map(b -> stateCode(b.getState())).orElse(0));
    return registry.getDefaultConfig();
  }

  private static int stateCode(CircuitBreaker.State state) {
    return switch (state) {
      case CLOSED, DISABLED, METRICS_ONLY -> 0;
      case HALF_OPEN -> 1;
      case OPEN, FORCED_OPEN -> 2;
    };
  }
}

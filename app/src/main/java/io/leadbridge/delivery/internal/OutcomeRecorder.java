package io.leadbridge.delivery.internal;

import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.DeliveryOutcome.AuthFailed;
import io.leadbridge.connector.api.DeliveryOutcome.Delivered;
import io.leadbridge.connector.api.DeliveryOutcome.RateLimited;
import io.leadbridge.connector.api.DeliveryOutcome.Rejected;
import io.leadbridge.connector.api.DeliveryOutcome.Retryable;
import io.leadbridge.delivery.internal.DeliveryMeters.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes what one call's outcomes mean for its deliveries (the table in {@link DeliveryOutcome}'s
 * Javadoc), all in one transaction guarded by the claim's lease token. Stateless apart from its
 * collaborators; thread-safe.
 */
final class OutcomeRecorder {

  /** A hold reason of the outbox: the vendor refused the integration's credentials. */
  static final String INTEGRATION_PAUSED = "integration_paused";

  private final EngineParts parts;

  OutcomeRecorder(EngineParts parts) {
    this.parts = parts;
  }

  /**
   * Records one outcome per claimed delivery, in the same order.
   *
   * @return how many deliveries each event happened to
   */
  Map<Event, Integer> record(String token, List<ClaimedDelivery> claimed, List<DeliveryOutcome> outcomes) {
    Instant now = parts.clock().instant();
    Map<Event, Integer> counts = new EnumMap<>(Event.class);
    parts.jdbi().useTransaction(tx -> {
      OutboxDao outbox = tx.attach(OutboxDao.class);
      List<UUID> delivered = new ArrayList<>();
      List<String> remoteIds = new ArrayList<>();
      for (int i = 0; i < claimed.size(); i++) {
        if (outcomes.get(i) instanceof Delivered done) {
          delivered.add(claimed.get(i).id());
          remoteIds.add(done.remoteId());
          counts.merge(Event.DELIVERED, 1, Integer::sum);
        } else {
          counts.merge(apply(outbox, token, claimed.get(i), outcomes.get(i), now), 1, Integer::sum);
        }
      }
      if (!delivered.isEmpty()) {
        outbox.delivered(delivered, remoteIds, token, now);
      }
    });
    return counts;
  }

  /** Records one outcome other than delivered (those go in one batch). */
  private Event apply(OutboxDao outbox, String token, ClaimedDelivery delivery, DeliveryOutcome outcome, Instant now) {
    int attempts = delivery.attempts() + 1;
    if (outcome instanceof Retryable retryable) {
      if (attempts >= parts.config().getMaxAttempts()) {
        outbox.dead(delivery.id(), token, 1, "retries_exhausted", retryable.reason(), now);
        return Event.DEAD;
      }
      Duration wait = longer(parts.backoff().after(attempts), retryable.retryAfter());
      outbox.retry(delivery.id(), token, 1, now.plus(wait), "retryable", retryable.reason(), now);
      return Event.RETRIED;
    }
    if (outcome instanceof RateLimited limited) {
      outbox.retry(delivery.id(), token, 0, now.plus(limited.retryAfter()), "rate_limited",
          "the vendor asked to wait " + limited.retryAfter().toSeconds() + " s", now);
      return Event.RATE_LIMITED;
    }
    if (outcome instanceof Rejected rejected) {
      outbox.dead(delivery.id(), token, 1, rejected.code(), rejected.message(), now);
      return Event.DEAD;
    }
    AuthFailed failed = (AuthFailed) outcome;
    outbox.hold(delivery.id(), token, INTEGRATION_PAUSED, "auth_failed", failed.message(), now);
    return Event.HELD;
  }

  private static Duration longer(Duration backoff, Optional<Duration> retryAfter) {
    return retryAfter.filter(r -> r.compareTo(backoff) > 0).orElse(backoff);
  }
}

package io.leadbridge.integrations.internal;

import io.leadbridge.connector.api.DeliveryOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The access tokens of oauth2-client-credentials webhooks, one per integration, kept until shortly
 * before they expire. When many deliveries need a token at the same moment only one asks the token
 * endpoint (single flight); the others wait for its answer, success or failure. A token is tied to
 * the integration's version (its {@code updatedAt}), so new credentials never use an old token.
 * Thread-safe.
 */
final class OAuthTokens {

  /** Fetches a new token; runs on the thread of the delivery that won the flight. */
  @FunctionalInterface
  interface Fetch {
    AccessToken fetch() throws WebhookFailure;
  }

  private record Flight(Instant version, CompletableFuture<AccessToken> token) {}

  private final Map<UUID, Flight> flights = new ConcurrentHashMap<>();
  private final Clock clock;

  OAuthTokens(Clock clock) {
    this.clock = clock;
  }

  /**
   * A usable token of the integration: the cached one, the one being fetched now, or a new one.
   *
   * @throws WebhookFailure the outcome of a failed token request, or retryable at the deadline
   */
  AccessToken token(UUID integrationId, Instant version, Instant deadline, Fetch fetch) throws WebhookFailure {
    while (true) {
      Flight current = flights.get(integrationId);
      if (current != null && current.version().equals(version) && !spent(current)) {
        return await(current.token(), deadline);
      }
      Flight mine = new Flight(version, new CompletableFuture<>());
      boolean won = current == null
          ? flights.putIfAbsent(integrationId, mine) == null
          : flights.replace(integrationId, current, mine);
      if (won) {
        try {
          mine.token().complete(fetch.fetch());
        } catch (WebhookFailure | RuntimeException e) {
          mine.token().completeExceptionally(e);
        }
        return await(mine.token(), deadline);
      }
    }
  }

  /** Forgets {@code refused} (the endpoint said 401/403 to it), so the next call fetches a new one. */
  void drop(UUID integrationId, AccessToken refused) {
    flights.computeIfPresent(integrationId, (id, flight) ->
        flight.token().isDone() && !flight.token().isCompletedExceptionally() && flight.token().join() == refused
            ? null : flight);
  }

  /** Whether a flight can no longer serve: it failed, or its token is (nearly) expired. */
  private boolean spent(Flight flight) {
    CompletableFuture<AccessToken> token = flight.token();
    if (!token.isDone()) {
      return false;
    }
    return token.isCompletedExceptionally() || !token.join().usableAt(clock.instant());
  }

  private AccessToken await(CompletableFuture<AccessToken> token, Instant deadline) throws WebhookFailure {
    long waitMillis = Math.max(1, Duration.between(clock.instant(), deadline).toMillis());
    try {
      return token.get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new WebhookFailure(DeliveryOutcome.retryable("token request: no token before the delivery's deadline"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebhookFailure(DeliveryOutcome.retryable("token request: interrupted"));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebhookFailure failure) {
        throw failure;
      }
      throw new WebhookFailure(DeliveryOutcome.retryable("token request failed ("
          + e.getCause().getClass().getSimpleName() + ")"));
    }
  }
}

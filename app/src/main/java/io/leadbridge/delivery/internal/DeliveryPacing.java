package io.leadbridge.delivery.internal;

import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connectors.IntegrationKey;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The state that decides when an integration may call its vendor: each vendor account's budget
 * (rolling window, daily cap, pause), kept per connector and {@link IntegrationKey#account()}, and
 * which integrations' circuit breakers are open. {@link DatabasePacing} shares it between every node
 * on one database; {@link NodePacing} keeps it in this node's memory, for focused tests.
 * Implementations are thread-safe.
 */
public interface DeliveryPacing {

  /**
   * Spends one call of the account's budget if a call may go now (the wait is none and names the
   * counted request); else says how long until one may.
   */
  Wait take(IntegrationKey key, RateLimitProfile profile);

  /** The request counted as {@code send} has ended: it leaves the window a window from now. */
  void finished(IntegrationKey key, UUID send);

  /** How long until a call may go, spending nothing; none for an account not called yet. */
  Wait peek(IntegrationKey key);

  /**
   * The accounts whose budget may hold a call back now (used within the last day, or paused): the
   * dispatcher peeks only at these, so an account never called costs it no query.
   */
  Set<Account> accountsInUse();

  /** What the vendor's rate-limit headers said. */
  void report(IntegrationKey key, RateLimitReport report);

  /** The vendor asked for no calls for {@code delay} (cut at one day). */
  void pause(IntegrationKey key, Duration delay, RateLimitScope scope);

  /** A node's breaker for the integration opened: no node calls it for {@code openFor}. */
  void openBreaker(String connectorId, UUID integrationId, Duration openFor);

  /** The integration's breaker closed again (a probe was answered). */
  void closeBreaker(UUID integrationId);

  /** The integrations whose breaker is open on some node, with how long it stays open. */
  Map<UUID, Duration> openBreakers();

  /** Forgets a removed integration's breaker. */
  void forget(UUID integrationId);

  /** Budgets are per connector and vendor account; immutable. */
  record Account(String connectorId, String account) {
    public static Account of(IntegrationKey key) {
      return new Account(key.connectorId(), key.account());
    }
  }
}

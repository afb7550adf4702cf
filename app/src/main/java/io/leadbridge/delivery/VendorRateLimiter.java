package io.leadbridge.delivery;

import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connectors.IntegrationKey;
import io.leadbridge.connectors.IntegrationRateLimits;
import io.leadbridge.delivery.internal.DatabasePacing;
import io.leadbridge.delivery.internal.DeliveryPacing;
import io.leadbridge.delivery.internal.Wait;
import io.leadbridge.storage.DatabaseVendor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Paces every integration's vendor calls against its vendor account's budget: starts from the
 * connector's documented profile, then follows the vendor's rate-limit headers and
 * {@code Retry-After}. The plugins' HTTP client asks it before each send; the delivery engine asks
 * it before claiming work, so rate-limited work stays in the outbox instead of in a waiting thread.
 * The budget is the {@link DeliveryPacing}'s: shared by every node when it is the database's.
 * Thread-safe.
 */
public final class VendorRateLimiter implements IntegrationRateLimits {

  private final DeliveryPacing pacing;
  private final Clock clock;
  /** Accounts this node spent, paced or paused since {@link #accountsInUse()} was last read. */
  private final Set<DeliveryPacing.Account> usedSinceLastLook = ConcurrentHashMap.newKeySet();

  public VendorRateLimiter(DeliveryPacing pacing, Clock clock) {
    this.pacing = pacing;
    this.clock = clock;
  }

  /** The limiter of a hub: budgets and breakers in its database, shared with every node on it. */
  public static VendorRateLimiter shared(Jdbi jdbi, DatabaseVendor vendor, Duration guard, Clock clock) {
    return new VendorRateLimiter(new DatabasePacing(jdbi, vendor, guard, clock), clock);
  }

  @Override
  public Permit acquire(IntegrationKey key, RateLimitProfile profile, Instant deadline) throws InterruptedException {
    usedSinceLastLook.add(DeliveryPacing.Account.of(key));
    while (true) {
      Wait wait = pacing.take(key, profile);
      if (wait.none()) {
        return wait.send().map(Permit::granted).orElse(Permit.GRANTED);
      }
      if (clock.instant().plus(wait.duration()).isAfter(deadline)) {
        return Permit.throttled(wait.duration(), wait.scope());
      }
      Thread.sleep(Math.max(1, wait.duration().toMillis()));
    }
  }

  @Override
  public void finished(IntegrationKey key, Permit permit) {
    permit.send().ifPresent(send -> pacing.finished(key, send));
  }

  @Override
  public void report(IntegrationKey key, RateLimitReport report) {
    usedSinceLastLook.add(DeliveryPacing.Account.of(key));
    pacing.report(key, report);
  }

  @Override
  public void retryAfter(IntegrationKey key, Duration delay, RateLimitScope scope) {
    usedSinceLastLook.add(DeliveryPacing.Account.of(key));
    pacing.pause(key, delay.isNegative() ? Duration.ZERO : delay, scope);
  }

  /** How long before this integration's account may be called again; zero if it may now. */
  public Duration waitFor(IntegrationKey key) {
    return pacing.peek(key).duration();
  }

  /**
   * The accounts whose budget may hold a call back now, on any node. Together with
   * {@link #usedSinceLastLook(IntegrationKey)} it misses none: an account this node pauses right after
   * the read (a webhook receiver's 429) counts at once, not from the next read on.
   */
  public Set<DeliveryPacing.Account> accountsInUse() {
    usedSinceLastLook.clear();
    return pacing.accountsInUse();
  }

  /** Whether this node has used the integration's account since {@link #accountsInUse()} was read. */
  public boolean usedSinceLastLook(IntegrationKey key) {
    return usedSinceLastLook.contains(DeliveryPacing.Account.of(key));
  }

  /** The budgets and breakers it paces by. */
  public DeliveryPacing pacing() {
    return pacing;
  }
}

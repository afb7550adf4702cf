package io.leadbridge.leads.internal;

import io.leadbridge.leads.LeadException.IdempotencyKeyInFlight;
import io.leadbridge.leads.LeadException.IdempotencyKeyReused;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Per-tenant idempotency keys of {@code POST /v1/leads}, claimed insert-first: the key's primary
 * key admits one claim on both databases, the claim commits on its own before any lead is written,
 * and the winner completes it in the lead's transaction only while the claim is still its own.
 * Thread-safe (state lives in the database).
 */
public final class IdempotencyClaims {

  /** A claim older than this belongs to a request that died; the next same request takes it over. */
  public static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

  private final Jdbi jdbi;
  private final Clock clock;

  public IdempotencyClaims(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** What a request found when it tried to claim its key. */
  public sealed interface Outcome {}

  /** The key is this request's; it must {@link #complete} or {@link #release} the claim. */
  public record Won(UUID token) implements Outcome {}

  /** The same lead was accepted before: answer with the first response. */
  public record Replay(int status, String body, UUID leadId) implements Outcome {}

  /**
   * Claims the tenant's key for a request whose body hashes to {@code hash}.
   *
   * @throws IdempotencyKeyReused if the key was used with another body
   * @throws IdempotencyKeyInFlight if a request with the key is still running
   */
  public Outcome claim(UUID tenantId, String key, String hash) {
    UUID token = UUID.randomUUID();
    Instant now = clock.instant();
    try {
      jdbi.useExtension(IdempotencyDao.class, dao -> dao.claim(tenantId, key, hash, token, now));
      return new Won(token);
    } catch (RuntimeException clash) {
      // Whatever the database calls a clash (unique violation, or a lock conflict on H2), the row
      // that caused it is what decides; without a row the failure was something else.
      Optional<IdempotencyRecord> existing = jdbi.withExtension(IdempotencyDao.class, dao -> dao.find(tenantId, key));
      if (existing.isEmpty()) {
        throw clash;
      }
      return existingClaim(tenantId, key, hash, existing.get(), token, now);
    }
  }

  private Outcome existingClaim(
      UUID tenantId, String key, String hash, IdempotencyRecord existing, UUID token, Instant now) {
    if (!existing.requestHash().equals(hash)) {
      throw new IdempotencyKeyReused();
    }
    if (existing.completed()) {
      return new Replay(existing.responseStatus(), existing.responseBody(), existing.leadId());
    }
    boolean abandoned = existing.claimedAt().isBefore(now.minus(ABANDONED_AFTER));
    if (abandoned && jdbi.withExtension(IdempotencyDao.class,
        dao -> dao.takeOver(tenantId, key, existing.claimToken(), token, now)) == 1) {
      return new Won(token);
    }
    throw new IdempotencyKeyInFlight();
  }

  /**
   * Stores the answer inside the lead's transaction.
   *
   * @throws IdempotencyKeyInFlight if another request took the claim over meanwhile, which rolls
   *     the lead back
   */
  public void complete(Handle transaction, UUID tenantId, String key, Won claim, UUID leadId, int status, String body) {
    int updated = transaction.attach(IdempotencyDao.class)
        .complete(tenantId, key, claim.token(), leadId, status, body, clock.instant());
    if (updated != 1) {
      throw new IdempotencyKeyInFlight();
    }
  }

  /** Gives up the claim after the request failed, so that the client's retry can claim it again. */
  public void release(UUID tenantId, String key, Won claim) {
    jdbi.useExtension(IdempotencyDao.class, dao -> dao.release(tenantId, key, claim.token()));
  }
}

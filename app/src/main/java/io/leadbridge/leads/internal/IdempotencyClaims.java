package io.leadbridge.leads.internal;

import io.leadbridge.leads.LeadException.IdempotencyKeyInFlight;
import io.leadbridge.leads.LeadException.IdempotencyKeyReused;
import io.leadbridge.storage.SqlErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Per-tenant idempotency keys of {@code POST /v1/leads}, claimed insert-first inside the lead's own
 * transaction: the key's primary key admits one claim on both databases, so of two requests with
 * one key (on one node or two) the second waits at its insert until the first commits and then
 * finds the first's answer, or takes the key if the first rolled back. One commit per lead.
 * Thread-safe (state lives in the database).
 *
 * <p>A claim committed on its own in state {@code in_flight} is what nodes of an earlier version
 * wrote before their lead's transaction; such a claim is answered 409 while it is recent and taken
 * over once abandoned, as those nodes did.
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
   * Claims the tenant's key for a request whose body hashes to {@code hash}, in the transaction that
   * stores its lead; a clash fails the statement, and with it the transaction.
   */
  public Won claim(Handle transaction, UUID tenantId, String key, String hash) {
    UUID token = UUID.randomUUID();
    transaction.attach(IdempotencyDao.class).claim(tenantId, key, hash, token, clock.instant());
    return new Won(token);
  }

  /**
   * What a request whose lead's transaction failed gets, decided by the key's row as committed now:
   * the first answer, a refusal, or the key itself when its claim was abandoned.
   *
   * @param failure why the transaction failed, thrown again when no row explains it
   * @throws IdempotencyKeyReused if the key was used with another body
   * @throws IdempotencyKeyInFlight if a request with the key is still running
   */
  public Outcome afterFailure(UUID tenantId, String key, String hash, RuntimeException failure) {
    // Whatever the database calls a clash (unique violation, or a lock timeout on H2 while the
    // other transaction still runs), the committed row is what decides; without one, a lock
    // timeout means the other request is still in flight and anything else was no clash.
    Optional<IdempotencyRecord> existing = jdbi.withExtension(IdempotencyDao.class, dao -> dao.find(tenantId, key));
    if (existing.isEmpty()) {
      if (SqlErrors.isLockTimeout(failure)) {
        throw new IdempotencyKeyInFlight();
      }
      throw failure;
    }
    return existingClaim(tenantId, key, hash, existing.get(), UUID.randomUUID(), clock.instant());
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

  /** Gives up a taken-over claim after the request failed, so that the client's retry can claim it again. */
  public void release(UUID tenantId, String key, Won claim) {
    jdbi.useExtension(IdempotencyDao.class, dao -> dao.release(tenantId, key, claim.token()));
  }
}

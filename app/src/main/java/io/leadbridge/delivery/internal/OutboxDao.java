package io.leadbridge.delivery.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * The engine's SQL on the outbox ({@code deliveries}). Every change to claimed work is guarded by
 * its lease token and {@code in_flight}, so a node that lost its lease cannot overwrite what
 * another node did since. Jdbi makes on-demand instances thread-safe.
 */
public interface OutboxDao {

  /**
   * Integrations with due work whose id comes after {@code after}, in id order: the dispatcher reads
   * the due list a page at a time and wraps round ({@link DueRotation}).
   */
  @SqlQuery(
      "SELECT integration_id, integration_kind AS kind, tenant_id, connector_id, MIN(next_attempt_at) AS oldest_due"
          + " FROM deliveries WHERE status IN ('pending', 'retrying') AND next_attempt_at <= :now"
          + " AND integration_id > :after"
          + " GROUP BY integration_id, integration_kind, tenant_id, connector_id"
          + " ORDER BY integration_id LIMIT :limit")
  @RegisterRowMapper(OutboxRows.Due.class)
  List<DueIntegration> dueIntegrations(@Bind("now") Instant now, @Bind("after") UUID after, @Bind("limit") int limit);

  /**
   * Claims up to {@code limit} due deliveries of one integration under a new lease token and
   * returns them: due retries first, then new work, each oldest first.
   *
   * <p>Lock first, then mark exactly the locked rows, in one transaction. One {@code UPDATE ...
   * WHERE id IN (SELECT ... LIMIT n FOR UPDATE SKIP LOCKED)} is not enough on PostgreSQL: in a
   * nested-loop plan the subquery may run again for each outer row, skip the rows the statement has
   * just updated and return the next ones; so one claim took all 3,014 due deliveries of a
   * benchmark run. And one status at a time, because {@code status IN ('pending', 'retrying')
   * ORDER BY next_attempt_at} cannot be read in order from an index: it sorted every due row of the
   * integration on each claim (33 ms at 16,000 rows, most of the dispatcher's time with 100,000),
   * where {@code status = ? ORDER BY next_attempt_at} reads the first rows of an index range
   * (0.5 ms). Benchmark in ops/bench/RESULTS.md, delivery.
   *
   * <p>On PostgreSQL, {@code SKIP LOCKED} lets several nodes claim side by side without waiting for
   * or taking each other's rows; H2 (one embedded node, one claiming thread) runs the same
   * statements.
   */
  @Transaction
  default List<ClaimedDelivery> claim(UUID integrationId, String token, Instant until, Instant now, int limit) {
    List<ClaimedDelivery> due = new ArrayList<>(lockDue(integrationId, "retrying", now, limit));
    if (due.size() < limit) {
      due.addAll(lockDue(integrationId, "pending", now, limit - due.size()));
    }
    if (!due.isEmpty()) {
      markClaimed(due.stream().map(ClaimedDelivery::id).toList(), token, until, now);
    }
    return due;
  }

  /** Locks up to {@code limit} due deliveries of the integration in one status, oldest first, skipping rows another node holds. */
  @SqlQuery(
      "SELECT id, lead_id, attempts, created_at FROM deliveries WHERE integration_id = :integrationId"
          + " AND status = :status AND next_attempt_at <= :now"
          + " ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED")
  @RegisterRowMapper(OutboxRows.Claimed.class)
  List<ClaimedDelivery> lockDue(@Bind("integrationId") UUID integrationId, @Bind("status") String status,
      @Bind("now") Instant now, @Bind("limit") int limit);

  /** Marks locked rows as in flight under the token; only {@link #claim} calls it, inside its transaction. */
  @SqlUpdate(
      "UPDATE deliveries SET status = 'in_flight', lease_owner = :token, lease_until = :until, updated_at = :now"
          + " WHERE id IN (<ids>)")
  int markClaimed(@BindList("ids") List<UUID> ids, @Bind("token") String token, @Bind("until") Instant until,
      @Bind("now") Instant now);

  /** Work whose node died (its lease ran out) becomes due again; no attempt is counted. */
  @SqlUpdate(
      "UPDATE deliveries SET status = 'retrying', lease_owner = NULL, lease_until = NULL,"
          + " last_error_code = 'lease_expired', last_error_message = 'the node delivering it stopped',"
          + " next_attempt_at = :now, updated_at = :now"
          + " WHERE status = 'in_flight' AND lease_until < :now")
  int reapExpiredLeases(@Bind("now") Instant now);

  /**
   * Marks delivered deliveries, each with its remote id, sent as one JDBC batch: one round trip
   * for a whole vendor batch instead of one per delivery (benchmark in ops/bench/RESULTS.md,
   * delivery).
   */
  @SqlBatch(
      "UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, remote_id = :remoteId,"
          + " delivered_at = :now, lease_owner = NULL, lease_until = NULL, updated_at = :now"
          + " WHERE id = :id AND lease_owner = :token AND status = 'in_flight'")
  int[] delivered(@Bind("id") List<UUID> ids, @Bind("remoteId") List<String> remoteIds, @Bind("token") String token,
      @Bind("now") Instant now);

  /** Due again at {@code at}; {@code attempt} is 1 when this try counts towards the budget, else 0. */
  @SqlUpdate(
      "UPDATE deliveries SET status = 'retrying', attempts = attempts + :attempt, next_attempt_at = :at,"
          + " last_error_code = :code, last_error_message = :message,"
          + " lease_owner = NULL, lease_until = NULL, updated_at = :now"
          + " WHERE id = :id AND lease_owner = :token AND status = 'in_flight'")
  int retry(@Bind("id") UUID id, @Bind("token") String token, @Bind("attempt") int attempt, @Bind("at") Instant at,
      @Bind("code") String code, @Bind("message") String message, @Bind("now") Instant now);

  @SqlUpdate(
      "UPDATE deliveries SET status = 'dead', attempts = attempts + :attempt,"
          + " last_error_code = :code, last_error_message = :message,"
          + " lease_owner = NULL, lease_until = NULL, updated_at = :now"
          + " WHERE id = :id AND lease_owner = :token AND status = 'in_flight'")
  int dead(@Bind("id") UUID id, @Bind("token") String token, @Bind("attempt") int attempt,
      @Bind("code") String code, @Bind("message") String message, @Bind("now") Instant now);

  @SqlUpdate(
      "UPDATE deliveries SET status = 'held', hold_reason = :reason,"
          + " last_error_code = :code, last_error_message = :message,"
          + " lease_owner = NULL, lease_until = NULL, updated_at = :now"
          + " WHERE id = :id AND lease_owner = :token AND status = 'in_flight'")
  int hold(@Bind("id") UUID id, @Bind("token") String token, @Bind("reason") String reason,
      @Bind("code") String code, @Bind("message") String message, @Bind("now") Instant now);

  /** Holds every waiting (not in-flight) delivery of the integration. */
  @SqlUpdate(
      "UPDATE deliveries SET status = 'held', hold_reason = :reason, updated_at = :now"
          + " WHERE integration_id = :integrationId AND status IN ('pending', 'retrying')")
  int holdWaiting(@Bind("integrationId") UUID integrationId, @Bind("reason") String reason, @Bind("now") Instant now);

  /** Pushes every due delivery of the integration back (its connector is not loaded now). */
  @SqlUpdate(
      "UPDATE deliveries SET next_attempt_at = :at, last_error_code = :code, last_error_message = :message,"
          + " updated_at = :now"
          + " WHERE integration_id = :integrationId AND status IN ('pending', 'retrying') AND next_attempt_at <= :now")
  int postponeDue(@Bind("integrationId") UUID integrationId, @Bind("at") Instant at, @Bind("code") String code,
      @Bind("message") String message, @Bind("now") Instant now);

  /**
   * Pushes the integration's due work to when it may go (its vendor budget refills, its breaker
   * half-opens, the vendor's pause ends), so it leaves the due list instead of filling it. No
   * attempt is counted and the last error is kept.
   */
  @SqlUpdate(
      "UPDATE deliveries SET next_attempt_at = :at, updated_at = :now"
          + " WHERE integration_id = :integrationId AND status IN ('pending', 'retrying') AND next_attempt_at <= :now")
  int deferDue(@Bind("integrationId") UUID integrationId, @Bind("at") Instant at, @Bind("now") Instant now);

  /** The tenant removed the integration: what still waits for it goes to the tenant's manual queue. */
  @SqlUpdate(
      "UPDATE deliveries SET status = 'manual', hold_reason = NULL, last_error_code = 'integration_removed',"
          + " last_error_message = 'the integration was removed before this lead reached it', updated_at = :now"
          + " WHERE integration_id = :integrationId AND status IN ('pending', 'retrying', 'held')")
  int orphanToManual(@Bind("integrationId") UUID integrationId, @Bind("now") Instant now);

  @SqlQuery(
      "SELECT DISTINCT integration_id, integration_kind AS kind, tenant_id, connector_id, hold_reason"
          + " FROM deliveries WHERE status = 'held'")
  @RegisterRowMapper(OutboxRows.Held.class)
  List<HeldGroup> heldGroups();

  /**
   * Releases held deliveries whose reason has gone: each is due once more, now or, when it was
   * waiting for a later time before it was held (a {@code Retry-After}, a daily reset, a backoff), then.
   */
  @SqlUpdate(
      "UPDATE deliveries SET status = 'pending', hold_reason = NULL,"
          + " next_attempt_at = CASE WHEN next_attempt_at > :now THEN next_attempt_at ELSE :now END, updated_at = :now"
          + " WHERE integration_id = :integrationId AND status = 'held' AND hold_reason = :reason")
  int release(@Bind("integrationId") UUID integrationId, @Bind("reason") String reason, @Bind("now") Instant now);
}

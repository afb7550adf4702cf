package io.leadbridge.delivery.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The engine's SQL on the outbox ({@code deliveries}). Every change to claimed work is guarded by
 * its lease token and {@code in_flight}, so a node that lost its lease cannot overwrite what
 * another node did since. Jdbi makes on-demand instances thread-safe.
 */
public interface OutboxDao {

  /** Integrations with due work, longest-waiting first. */
  @SqlQuery(
      "SELECT integration_id, integration_kind AS kind, tenant_id, connector_id, MIN(next_attempt_at) AS oldest_due"
          + " FROM deliveries WHERE status IN ('pending', 'retrying') AND next_attempt_at <= :now"
          + " GROUP BY integration_id, integration_kind, tenant_id, connector_id"
          + " ORDER BY oldest_due LIMIT :limit")
  @RegisterRowMapper(OutboxRows.Due.class)
  List<DueIntegration> dueIntegrations(@Bind("now") Instant now, @Bind("limit") int limit);

  /**
   * Claims up to {@code limit} due deliveries of one integration under a new lease token. On
   * PostgreSQL, {@code SKIP LOCKED} lets several nodes claim side by side without waiting for or
   * taking each other's rows; H2 (one embedded node, one claiming thread) runs the same statement.
   * The outer status check makes a row that changed under the subquery's snapshot stay unclaimed.
   *
   * <p>The subquery is an {@code ARRAY(...)}, evaluated once: as {@code id IN (SELECT ...)},
   * PostgreSQL may plan a nested-loop semi-join that runs the locking subquery again for each
   * outer row, and each run skips the rows this statement has just updated and fills its
   * {@code LIMIT} with others, so one claim took hundreds of rows past the connector's batch size.
   */
  @SqlUpdate(
      "UPDATE deliveries SET status = 'in_flight', lease_owner = :token, lease_until = :until, updated_at = :now"
          + " WHERE id = ANY(ARRAY(SELECT id FROM deliveries WHERE integration_id = :integrationId"
          + " AND status IN ('pending', 'retrying') AND next_attempt_at <= :now"
          + " ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED))"
          + " AND status IN ('pending', 'retrying') AND next_attempt_at <= :now")
  int claim(
      @Bind("integrationId") UUID integrationId,
      @Bind("token") String token,
      @Bind("until") Instant until,
      @Bind("now") Instant now,
      @Bind("limit") int limit);

  @SqlQuery(
      "SELECT id, lead_id, attempts, created_at FROM deliveries"
          + " WHERE lease_owner = :token AND status = 'in_flight' ORDER BY next_attempt_at, id")
  @RegisterRowMapper(OutboxRows.Claimed.class)
  List<ClaimedDelivery> claimed(@Bind("token") String token);

  /** Work whose node died (its lease ran out) becomes due again; no attempt is counted. */
  @SqlUpdate(
      "UPDATE deliveries SET status = 'retrying', lease_owner = NULL, lease_until = NULL,"
          + " last_error_code = 'lease_expired', last_error_message = 'the node delivering it stopped',"
          + " next_attempt_at = :now, updated_at = :now"
          + " WHERE status = 'in_flight' AND lease_until < :now")
  int reapExpiredLeases(@Bind("now") Instant now);

  /** Gives claimed work back untouched (it was claimed but cannot be sent now). */
  @SqlUpdate(
      "UPDATE deliveries SET status = 'retrying', lease_owner = NULL, lease_until = NULL,"
          + " next_attempt_at = :at, updated_at = :now"
          + " WHERE lease_owner = :token AND status = 'in_flight'")
  int unclaim(@Bind("token") String token, @Bind("at") Instant at, @Bind("now") Instant now);

  @SqlUpdate(
      "UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, remote_id = :remoteId,"
          + " delivered_at = :now, lease_owner = NULL, lease_until = NULL, updated_at = :now"
          + " WHERE id = :id AND lease_owner = :token AND status = 'in_flight'")
  int delivered(@Bind("id") UUID id, @Bind("token") String token, @Bind("remoteId") String remoteId,
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

  /** Releases held deliveries whose reason has gone: each is due now, once. */
  @SqlUpdate(
      "UPDATE deliveries SET status = 'pending', hold_reason = NULL, next_attempt_at = :now, updated_at = :now"
          + " WHERE integration_id = :integrationId AND status = 'held' AND hold_reason = :reason")
  int release(@Bind("integrationId") UUID integrationId, @Bind("reason") String reason, @Bind("now") Instant now);
}

package io.leadbridge.leads.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code lead_idempotency_keys}; Jdbi makes on-demand instances thread-safe. */
@RegisterRowMapper(IdempotencyRecordRowMapper.class)
public interface IdempotencyDao {

  /** Claims the key; fails with a unique violation when the tenant used it before. */
  @SqlUpdate(
      "INSERT INTO lead_idempotency_keys (tenant_id, idempotency_key, request_hash, claim_token, state, claimed_at)"
          + " VALUES (:tenantId, :key, :hash, :token, 'in_flight', :at)")
  void claim(
      @Bind("tenantId") UUID tenantId,
      @Bind("key") String key,
      @Bind("hash") String hash,
      @Bind("token") UUID token,
      @Bind("at") Instant at);

  @SqlQuery("SELECT * FROM lead_idempotency_keys WHERE tenant_id = :tenantId AND idempotency_key = :key")
  Optional<IdempotencyRecord> find(@Bind("tenantId") UUID tenantId, @Bind("key") String key);

  /** Takes over a claim its request abandoned; 1 only for the one caller that saw that claim's token. */
  @SqlUpdate(
      "UPDATE lead_idempotency_keys SET claim_token = :token, claimed_at = :at"
          + " WHERE tenant_id = :tenantId AND idempotency_key = :key AND claim_token = :abandoned"
          + " AND state = 'in_flight'")
  int takeOver(
      @Bind("tenantId") UUID tenantId,
      @Bind("key") String key,
      @Bind("abandoned") UUID abandoned,
      @Bind("token") UUID token,
      @Bind("at") Instant at);

  /** Records the answer, in the lead's transaction; 0 when the claim is no longer this request's. */
  @SqlUpdate(
      "UPDATE lead_idempotency_keys SET state = 'completed', lead_id = :leadId, response_status = :status,"
          + " response_body = :body, completed_at = :at"
          + " WHERE tenant_id = :tenantId AND idempotency_key = :key AND claim_token = :token AND state = 'in_flight'")
  int complete(
      @Bind("tenantId") UUID tenantId,
      @Bind("key") String key,
      @Bind("token") UUID token,
      @Bind("leadId") UUID leadId,
      @Bind("status") int status,
      @Bind("body") String body,
      @Bind("at") Instant at);

  /** Gives the key back after the request failed, so that a retry is not told it is in flight. */
  @SqlUpdate(
      "DELETE FROM lead_idempotency_keys WHERE tenant_id = :tenantId AND idempotency_key = :key"
          + " AND claim_token = :token AND state = 'in_flight'")
  int release(@Bind("tenantId") UUID tenantId, @Bind("key") String key, @Bind("token") UUID token);
}

package io.leadbridge.credentials.internal;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The one query every credential open makes, apart from {@link VaultDao}: Jdbi builds handlers for
 * every method of a SqlObject on each attach, and this keeps the hot path to one (measured in
 * ops/bench/RESULTS.md). Jdbi makes on-demand instances thread-safe.
 */
@RegisterRowMapper(VaultDao.EnvelopeMapper.class)
public interface EnvelopeLookup {

  @SqlQuery("SELECT * FROM credentials.envelopes WHERE id = :id AND tenant_id = :tenantId")
  Optional<StoredEnvelope> envelope(@Bind("id") UUID id, @Bind("tenantId") UUID tenantId);
}

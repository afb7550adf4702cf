package io.leadbridge.bench.internal;

import io.leadbridge.credentials.internal.StoredEnvelope;
import io.leadbridge.credentials.internal.VaultDao;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * A what-if for the benchmark only: {@link VaultDao#envelope}'s exact query and mapper in a DAO of
 * its own. Jdbi builds a handler for every method of a SQL object each time one is attached, so
 * this measures what the vault's envelope read would cost if it did not attach all of VaultDao.
 * Jdbi makes on-demand instances thread-safe.
 */
@RegisterRowMapper(VaultDao.EnvelopeMapper.class)
public interface SingleQueryEnvelopeDao {

  @SqlQuery("SELECT * FROM credentials.envelopes WHERE id = :id AND tenant_id = :tenantId")
  Optional<StoredEnvelope> envelope(@Bind("id") UUID id, @Bind("tenantId") UUID tenantId);
}

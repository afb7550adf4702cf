package io.leadbridge.leads.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code lead_fingerprints}; Jdbi makes on-demand instances thread-safe. */
public interface FingerprintDao {

  @SqlUpdate("INSERT INTO lead_fingerprints (tenant_id, digest, key_version, lead_id, received_at)"
      + " VALUES (:tenantId, :digest, :keyVersion, :leadId, :receivedAt)")
  void insert(@Bind("tenantId") UUID tenantId, @Bind("digest") String digest, @Bind("keyVersion") int keyVersion,
      @Bind("leadId") UUID leadId, @Bind("receivedAt") Instant receivedAt);

  /**
   * The first lead of the tenant received within the window whose digests share one of these: the
   * original a duplicate points at (the original of a duplicate, if the match is one itself).
   */
  @SqlQuery("SELECT COALESCE(l.duplicate_of, l.id) FROM lead_fingerprints f JOIN leads l ON l.id = f.lead_id"
      + " WHERE f.tenant_id = :tenantId AND f.key_version = :keyVersion AND f.digest IN (<digests>)"
      + " AND f.received_at >= :earliest AND f.received_at <= :latest"
      + " ORDER BY f.received_at, l.id LIMIT 1")
  Optional<UUID> original(@Bind("tenantId") UUID tenantId, @Bind("keyVersion") int keyVersion,
      @BindList("digests") Collection<String> digests, @Bind("earliest") Instant earliest,
      @Bind("latest") Instant latest);
}

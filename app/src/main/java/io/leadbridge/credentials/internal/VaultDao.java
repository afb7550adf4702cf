package io.leadbridge.credentials.internal;

import io.leadbridge.storage.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for the vault's own schema ({@code credentials.*}); the only code that reads or writes it.
 * Jdbi makes on-demand instances thread-safe.
 */
@RegisterRowMapper(VaultDao.DataKeyMapper.class)
@RegisterRowMapper(VaultDao.EnvelopeMapper.class)
public interface VaultDao {

  @SqlQuery(
      "SELECT * FROM credentials.data_keys WHERE tenant_id = :tenantId ORDER BY version DESC LIMIT 1")
  Optional<StoredDataKey> currentKey(@Bind("tenantId") UUID tenantId);

  @SqlQuery("SELECT * FROM credentials.data_keys WHERE tenant_id = :tenantId AND version = :version")
  Optional<StoredDataKey> key(@Bind("tenantId") UUID tenantId, @Bind("version") int version);

  @SqlUpdate(
      "INSERT INTO credentials.data_keys (tenant_id, version, kek_id, wrapped_key, created_at)"
          + " VALUES (:tenantId, :version, :kekId, :wrapped, :at)")
  void insertKey(
      @Bind("tenantId") UUID tenantId,
      @Bind("version") int version,
      @Bind("kekId") String kekId,
      @Bind("wrapped") byte[] wrapped,
      @Bind("at") Instant at);

  /** Data keys not yet wrapped under {@code kekId}, in a stable order, after a position. */
  @SqlQuery(
      "SELECT * FROM credentials.data_keys WHERE kek_id <> :kekId"
          + " AND (tenant_id > :afterTenant OR (tenant_id = :afterTenant AND version > :afterVersion))"
          + " ORDER BY tenant_id, version LIMIT :limit")
  List<StoredDataKey> keysNotUnder(
      @Bind("kekId") String kekId,
      @Bind("afterTenant") UUID afterTenant,
      @Bind("afterVersion") int afterVersion,
      @Bind("limit") int limit);

  /** Replaces a wrapped key only if it is still the one that was read (a concurrent run may have won). */
  @SqlUpdate(
      "UPDATE credentials.data_keys SET kek_id = :newKekId, wrapped_key = :wrapped"
          + " WHERE tenant_id = :tenantId AND version = :version AND kek_id = :oldKekId")
  int rewrapKey(
      @Bind("tenantId") UUID tenantId,
      @Bind("version") int version,
      @Bind("oldKekId") String oldKekId,
      @Bind("newKekId") String newKekId,
      @Bind("wrapped") byte[] wrapped);

  @SqlUpdate(
      "DELETE FROM credentials.data_keys WHERE tenant_id = :tenantId AND version < :version"
          + " AND NOT EXISTS (SELECT 1 FROM credentials.envelopes e"
          + "   WHERE e.tenant_id = :tenantId AND e.key_version = credentials.data_keys.version)")
  int deleteUnusedKeysBefore(@Bind("tenantId") UUID tenantId, @Bind("version") int version);

  @SqlUpdate("DELETE FROM credentials.data_keys WHERE tenant_id = :tenantId")
  int deleteKeys(@Bind("tenantId") UUID tenantId);

  @SqlUpdate(
      "INSERT INTO credentials.envelopes"
          + " (id, tenant_id, key_version, envelope, field_names, fingerprint, created_at, updated_at)"
          + " VALUES (:id, :tenantId, :keyVersion, :envelope, :fieldNames, :fingerprint, :at, :at)")
  void insertEnvelope(
      @Bind("id") UUID id,
      @Bind("tenantId") UUID tenantId,
      @Bind("keyVersion") int keyVersion,
      @Bind("envelope") byte[] envelope,
      @Bind("fieldNames") String fieldNames,
      @Bind("fingerprint") String fingerprint,
      @Bind("at") Instant at);

  @SqlUpdate(
      "UPDATE credentials.envelopes SET key_version = :keyVersion, envelope = :envelope,"
          + " field_names = :fieldNames, fingerprint = :fingerprint, updated_at = :at"
          + " WHERE id = :id AND tenant_id = :tenantId")
  int replaceEnvelope(
      @Bind("id") UUID id,
      @Bind("tenantId") UUID tenantId,
      @Bind("keyVersion") int keyVersion,
      @Bind("envelope") byte[] envelope,
      @Bind("fieldNames") String fieldNames,
      @Bind("fingerprint") String fingerprint,
      @Bind("at") Instant at);

  /**
   * Re-encryption under a newer key: only if the envelope is still exactly the one that was read,
   * so a replace that raced the rotation is never overwritten with the old value.
   */
  @SqlUpdate(
      "UPDATE credentials.envelopes SET key_version = :newVersion, envelope = :envelope"
          + " WHERE id = :id AND tenant_id = :tenantId AND key_version = :oldVersion AND envelope = :readEnvelope")
  int reencryptEnvelope(
      @Bind("id") UUID id,
      @Bind("tenantId") UUID tenantId,
      @Bind("oldVersion") int oldVersion,
      @Bind("readEnvelope") byte[] readEnvelope,
      @Bind("newVersion") int newVersion,
      @Bind("envelope") byte[] envelope);

  @SqlQuery(
      "SELECT * FROM credentials.envelopes WHERE tenant_id = :tenantId AND key_version < :version"
          + " AND id > :afterId ORDER BY id LIMIT :limit")
  List<StoredEnvelope> envelopesBefore(
      @Bind("tenantId") UUID tenantId,
      @Bind("version") int version,
      @Bind("afterId") UUID afterId,
      @Bind("limit") int limit);

  @SqlUpdate("DELETE FROM credentials.envelopes WHERE id = :id AND tenant_id = :tenantId")
  int deleteEnvelope(@Bind("id") UUID id, @Bind("tenantId") UUID tenantId);

  @SqlUpdate("DELETE FROM credentials.envelopes WHERE tenant_id = :tenantId")
  int deleteEnvelopes(@Bind("tenantId") UUID tenantId);

  @SqlQuery("SELECT COUNT(*) FROM credentials.shredded_tenants WHERE tenant_id = :tenantId")
  int shreddedCount(@Bind("tenantId") UUID tenantId);

  @SqlUpdate(
      "INSERT INTO credentials.shredded_tenants (tenant_id, shredded_at)"
          + " SELECT :tenantId, :at WHERE NOT EXISTS"
          + " (SELECT 1 FROM credentials.shredded_tenants WHERE tenant_id = :tenantId)")
  int markShredded(@Bind("tenantId") UUID tenantId, @Bind("at") Instant at);

  /** Maps a data key row. */
  final class DataKeyMapper implements RowMapper<StoredDataKey> {
    @Override
    public StoredDataKey map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new StoredDataKey(
          rs.getObject("tenant_id", UUID.class),
          rs.getInt("version"),
          rs.getString("kek_id"),
          rs.getBytes("wrapped_key"));
    }
  }

  /** Maps an envelope row. */
  final class EnvelopeMapper implements RowMapper<StoredEnvelope> {
    @Override
    public StoredEnvelope map(ResultSet rs, StatementContext ctx) throws SQLException {
      Set<String> names = new TreeSet<>(Arrays.asList(rs.getString("field_names").split(",")));
      return new StoredEnvelope(
          rs.getObject("id", UUID.class),
          rs.getObject("tenant_id", UUID.class),
          rs.getInt("key_version"),
          rs.getBytes("envelope"),
          names,
          rs.getString("fingerprint"),
          SqlTimes.instant(rs, "created_at"),
          SqlTimes.instant(rs, "updated_at"));
    }
  }
}

package io.leadbridge.tenants.internal;

import io.leadbridge.tenants.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the {@code tenants} table; Jdbi makes on-demand instances thread-safe. */
@RegisterRowMapper(TenantRowMapper.class)
public interface TenantDao {

  @SqlUpdate(
      "INSERT INTO tenants (id, name, slug, tier, region, status, created_at)"
          + " VALUES (:id, :name, :slug, :tier, :region, 'active', :createdAt)")
  void insert(
      @Bind("id") UUID id,
      @Bind("name") String name,
      @Bind("slug") String slug,
      @Bind("tier") String tier,
      @Bind("region") String region,
      @Bind("createdAt") Instant createdAt);

  @SqlQuery("SELECT id FROM tenants WHERE status = 'active' ORDER BY created_at, id")
  List<UUID> activeIds();

  @SqlQuery("SELECT * FROM tenants WHERE id = :id")
  Optional<Tenant> find(@Bind("id") UUID id);

  @SqlQuery(
      "SELECT * FROM tenants"
          + " WHERE created_at > :afterAt OR (created_at = :afterAt AND id > :afterId)"
          + " ORDER BY created_at, id LIMIT :limit")
  List<Tenant> page(
      @Bind("afterAt") Instant afterAt, @Bind("afterId") UUID afterId, @Bind("limit") int limit);

  @SqlUpdate(
      "UPDATE tenants SET status = 'offboarded', offboarded_at = :at"
          + " WHERE id = :id AND status = 'active'")
  int markOffboarded(@Bind("id") UUID id, @Bind("at") Instant at);
}

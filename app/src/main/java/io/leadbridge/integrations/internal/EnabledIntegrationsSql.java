package io.leadbridge.integrations.internal;

import io.leadbridge.integrations.DeliveryRoute;
import io.leadbridge.integrations.DuplicatePolicy;
import io.leadbridge.integrations.EnabledIntegrations;
import io.leadbridge.integrations.IntegrationKind;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** {@link EnabledIntegrations} as one query over both integration tables; stateless, thread-safe. */
public final class EnabledIntegrationsSql implements EnabledIntegrations {

  private static final String ENABLED = "SELECT kind, id, connector, duplicates FROM ("
      + " SELECT id, CAST('third_party' AS VARCHAR(16)) AS kind, connector, duplicates, created_at"
      + " FROM third_party_integrations"
      + " WHERE tenant_id = :tenantId AND enabled = TRUE"
      + " UNION ALL SELECT id, CAST('internal' AS VARCHAR(16)) AS kind, CAST('" + DeliveryRoute.WEBHOOK
      + "' AS VARCHAR(64)) AS connector, duplicates, created_at FROM internal_integrations"
      + " WHERE tenant_id = :tenantId AND enabled = TRUE) i ORDER BY created_at, id";

  @Override
  public List<Target> of(Handle handle, UUID tenantId) {
    return handle.createQuery(ENABLED).bind("tenantId", tenantId)
        .map((rs, ctx) -> new Target(IntegrationKind.fromColumn(rs.getString("kind")), rs.getObject("id", UUID.class),
            rs.getString("connector"), DuplicatePolicy.fromColumn(rs.getString("duplicates"))))
        .list();
  }
}

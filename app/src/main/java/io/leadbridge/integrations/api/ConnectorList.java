package io.leadbridge.integrations.api;

import io.leadbridge.connectors.api.DescriptorView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of {@code GET /v1/connectors}, whose items depend on the caller: a tenant admin sees
 * descriptors it can configure, an operator sees every started connector's rollout; immutable.
 */
public sealed interface ConnectorList {

  /** Which of the two lists this is, so that a client can tell them apart before reading items. */
  String view();

  /** What a tenant admin sees: the connectors its tenant may use now. */
  @Schema(name = "TenantConnectorList")
  record ForTenant(
      @Schema(allowableValues = "tenant", requiredMode = Schema.RequiredMode.REQUIRED) String view,
      List<DescriptorView> items,
      @Schema(nullable = true) String nextCursor) implements ConnectorList {

    public ForTenant(List<DescriptorView> items) {
      this("tenant", items, null);
    }
  }

  /** What an operator sees: every started connector and whether its flag can open it. */
  @Schema(name = "OperatorConnectorList")
  record ForOperator(
      @Schema(allowableValues = "operator", requiredMode = Schema.RequiredMode.REQUIRED) String view,
      List<StartedConnectorView> items,
      @Schema(nullable = true) String nextCursor) implements ConnectorList {

    public ForOperator(List<StartedConnectorView> items) {
      this("operator", items, null);
    }
  }
}

package io.leadbridge.integrations.internal;

import io.leadbridge.integrations.FieldMapping;
import io.leadbridge.integrations.WebhookAuth;
import io.leadbridge.integrations.WebhookEndpoint;
import java.util.List;

/**
 * An internal integration's endpoint, auth settings and mappings as the columns store them (JSON
 * for headers, scopes and mappings); bound by {@link InternalIntegrationDao}. Immutable.
 */
public record InternalIntegrationColumns(
    String url,
    String method,
    String headers,
    int timeoutMs,
    String authType,
    String headerName,
    String username,
    String tokenUrl,
    String clientId,
    String scopes,
    String fieldMappings) {

  /**
   * The columns of validated values.
   *
   * @throws io.leadbridge.integrations.IntegrationException.InvalidIntegration if a JSON column would overflow
   */
  public static InternalIntegrationColumns of(WebhookEndpoint endpoint, WebhookAuth auth, List<FieldMapping> mappings) {
    return new InternalIntegrationColumns(
        endpoint.url().toString(),
        endpoint.method(),
        StoredJson.writeSized("endpoint.headers", endpoint.headers()),
        endpoint.timeoutMs(),
        auth.type().apiName(),
        auth.headerName(),
        auth.username(),
        auth.tokenUrl() == null ? null : auth.tokenUrl().toString(),
        auth.clientId(),
        auth.scopes() == null ? null : StoredJson.write(auth.scopes()),
        StoredJson.writeSized("fieldMappings", mappings));
  }
}

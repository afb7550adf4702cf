package io.leadbridge.connectors.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadbridge.connector.api.Capability;
import io.leadbridge.connector.api.ConnectorDescriptor;
import java.util.List;

/** What a connector says about itself, as the API shows it; immutable. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DescriptorView(
    String id,
    String displayName,
    String vendor,
    String pluginVersion,
    String transport,
    List<String> capabilities,
    List<FieldView> credentialFields,
    List<FieldView> settingsFields,
    String defaultBaseUrl,
    RateLimitView rateLimit,
    int maxBatchSize) {

  public static DescriptorView of(ConnectorDescriptor descriptor) {
    return new DescriptorView(
        descriptor.id(),
        descriptor.displayName(),
        descriptor.vendor(),
        descriptor.pluginVersion(),
        descriptor.transport().name(),
        descriptor.capabilities().stream().map(Capability::name).sorted().toList(),
        descriptor.credentialFields().stream().map(FieldView::of).toList(),
        descriptor.settingsFields().stream().map(FieldView::of).toList(),
        descriptor.defaultBaseUrl().map(Object::toString).orElse(null),
        RateLimitView.of(descriptor.defaultRateLimit()),
        descriptor.maxBatchSize());
  }
}

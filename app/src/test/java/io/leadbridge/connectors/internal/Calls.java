package io.leadbridge.connectors.internal;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.leadbridge.connector.api.Capability;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.FieldSpec;
import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connectors.CallTarget;
import io.leadbridge.connectors.FakeCredentialSource;
import io.leadbridge.connectors.RecordingRateLimits;
import io.leadbridge.connectors.VendorHttpConfiguration;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes call contexts for unit tests of the host's context, HTTP client, log and metrics, with a
 * fake vault, a recording limiter and a fresh metrics registry. Not thread-safe (test set-up).
 */
final class Calls {

  static final UUID TENANT = UUID.fromString("0b5c6f7a-1111-4e2b-9c3d-00000000000a");
  static final UUID INTEGRATION = UUID.fromString("0b5c6f7a-2222-4e2b-9c3d-00000000000b");

  /** A connector with the credential fields every injection needs and one setting. */
  static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.builder()
      .id("acme").displayName("Acme CRM").vendor("Acme").pluginVersion("1.0.0")
      .capabilities(Capability.UPSERT)
      .credentialField(FieldSpec.builder("accessToken", "Access token").secret().build())
      .credentialField(FieldSpec.builder("clientId", "Client id").build())
      .credentialField(FieldSpec.builder("clientSecret", "Client secret").secret().build())
      .settingsField(FieldSpec.builder("region", "Region").allowedValues("eu", "us").defaultValue("eu").build())
      .defaultBaseUrl("https://api.acme.example")
      .defaultRateLimit(RateLimitProfile.of(10, java.time.Duration.ofSeconds(1)))
      .build();

  final FakeCredentialSource vault = new FakeCredentialSource();
  final RecordingRateLimits limits = new RecordingRateLimits();
  final MetricRegistry metrics = new MetricRegistry();
  final VendorHttpConfiguration http = new VendorHttpConfiguration();

  Calls readTimeout(Duration timeout) {
    http.setReadTimeout(timeout);
    return this;
  }

  Calls maxResponseBody(DataSize size) {
    http.setMaxResponseBody(size);
    return this;
  }

  /** A context for the test integration at {@code baseUrl}, ending at {@code deadline}. */
  CallContext context(URI baseUrl, Instant deadline) {
    CallContexts contexts = new CallContexts(Clock.systemUTC(), vault, limits, metrics, new VendorHttpTransport(http, "test"));
    return contexts.create(DESCRIPTOR, new CallTarget(TENANT, INTEGRATION, Optional.of(baseUrl), Map.of()), deadline);
  }

  /** A context with thirty seconds to go. */
  CallContext context(URI baseUrl) {
    return context(baseUrl, Instant.now().plusSeconds(30));
  }
}

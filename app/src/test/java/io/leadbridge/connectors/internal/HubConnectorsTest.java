package io.leadbridge.connectors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.util.Duration;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.Transport;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connectors.BuiltInConnector;
import io.leadbridge.connectors.CallTarget;
import io.leadbridge.connectors.ConnectorLease;
import io.leadbridge.connectors.ConnectorsConfiguration;
import io.leadbridge.connectors.FakeBuiltInConnector;
import io.leadbridge.connectors.FakeCredentialSource;
import io.leadbridge.connectors.PluginState;
import io.leadbridge.connectors.RecordingRateLimits;
import io.leadbridge.testing.ConnectorSource;
import io.leadbridge.testing.Leads;
import io.leadbridge.testing.PluginJar;
import io.leadbridge.testing.TestApps;
import io.leadbridge.testing.TestTrust;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry as the delivery engine sees it: a built-in connector is leased like a plugin, a
 * plugin jar cannot take its id, tenants are never offered it, and whatever it throws or returns
 * wrong ends as retryable outcomes, as a plugin's would. Each test owns its registry.
 */
class HubConnectorsTest {

  private static final CallTarget TARGET = CallTarget.of(UUID.randomUUID(), UUID.randomUUID(), Map.of());
  private static final ConnectorDescriptor BUILT_IN = ConnectorDescriptor.builder()
      .id("webhook").displayName("Webhook").vendor("Leadbridge").pluginVersion("1.0.0").transport(Transport.HTTP)
      .defaultRateLimit(RateLimitProfile.of(10, java.time.Duration.ofSeconds(1))).maxBatchSize(2).build();

  private PluginHost host;

  @AfterEach
  void stopHost() {
    if (host != null) {
      host.stop();
    }
  }

  @Test
  void aBuiltInConnectorIsLeasedLikeAPluginButNeverOfferedToTenants() {
    HubConnectors registry = registry(TestApps.tempDir(), batch -> batch.stream()
        .map(lead -> (DeliveryOutcome) DeliveryOutcome.created("built-in-" + lead.leadId())).toList());
    LeadRecord lead = Leads.lead().build();

    try (ConnectorLease lease = registry.started("webhook", Instant.now().plusSeconds(5)).orElseThrow()) {
      assertThat(lease.deliver(TARGET, List.of(lead))).containsExactly(DeliveryOutcome.created("built-in-" + lead.leadId()));
      assertThat(lease.check(TARGET).ok()).isTrue();
    }
    assertThat(registry.descriptor("webhook")).contains(BUILT_IN);
    assertThat(registry.isBuiltIn("webhook")).isTrue();
    assertThat(registry.isQuarantined("webhook")).isFalse();
    assertThat(registry.startedDescriptors()).isEmpty();
    assertThat(registry.started("nothing-here", Instant.now().plusSeconds(5))).isEmpty();
  }

  @Test
  void aPluginJarClaimingABuiltInConnectorsIdIsRefusedAndTheBuiltInStaysTheOneLeased() {
    Path directory = TestApps.tempDir();
    PluginJar.of(ConnectorSource.connector("webhook", "9.9.9")).writeTo(directory, "impostor.jar");
    HubConnectors registry = registry(directory, batch -> batch.stream()
        .map(lead -> (DeliveryOutcome) DeliveryOutcome.created("genuine")).toList());

    assertThat(registry.plugins()).singleElement().satisfies(status -> {
      assertThat(status.state()).isEqualTo(PluginState.FAILED);
      assertThat(status.cause()).hasValueSatisfying(cause -> assertThat(cause).contains("built into the hub"));
    });
    try (ConnectorLease lease = registry.started("webhook", Instant.now().plusSeconds(5)).orElseThrow()) {
      assertThat(lease.descriptor().pluginVersion()).isEqualTo("1.0.0");
      assertThat(lease.deliver(TARGET, List.of(Leads.lead().build()))).containsExactly(DeliveryOutcome.created("genuine"));
    }
  }

  @Test
  void whatABuiltInConnectorThrowsOrReturnsWrongEndsAsRetryableOutcomesForTheWholeBatch() {
    List<LeadRecord> batch = List.of(Leads.lead().build(), Leads.lead().build());
    HubConnectors throwing = registry(TestApps.tempDir(), b -> {
      throw new IllegalStateException("boom");
    });
    HubConnectors shortOfOutcomes = registry(TestApps.tempDir(), b -> List.of(DeliveryOutcome.created("only one")));

    for (HubConnectors registry : List.of(throwing, shortOfOutcomes)) {
      try (ConnectorLease lease = registry.started("webhook", Instant.now().plusSeconds(5)).orElseThrow()) {
        assertThat(lease.deliver(TARGET, batch)).hasSize(2).allSatisfy(outcome -> {
          assertThat(outcome).isInstanceOf(DeliveryOutcome.Retryable.class);
          assertThat(((DeliveryOutcome.Retryable) outcome).reason()).contains("errorId").doesNotContain("boom");
        });
      }
    }
  }

  @Test
  void aBuiltInConnectorsLeaseKeepsThePluginLeaseRules() {
    HubConnectors registry = registry(TestApps.tempDir(), b -> List.of());
    LeadRecord lead = Leads.lead().build();

    assertThatThrownBy(() -> registry.started("webhook", Instant.now().plusSeconds(3600)))
        .isInstanceOf(IllegalArgumentException.class);
    ConnectorLease lease = registry.started("webhook", Instant.now().plusSeconds(5)).orElseThrow();
    assertThatThrownBy(() -> lease.deliver(TARGET, List.of(lead, lead))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> lease.deliver(TARGET, List.of(lead, Leads.lead().build(), Leads.lead().build())))
        .isInstanceOf(IllegalArgumentException.class);
    lease.close();
    assertThatThrownBy(() -> lease.deliver(TARGET, List.of(lead))).isInstanceOf(IllegalStateException.class);
  }

  /** A registry over a started host of {@code directory} with one built-in connector delivering as {@code deliver}. */
  private HubConnectors registry(Path directory, Function<List<LeadRecord>, List<DeliveryOutcome>> deliver) {
    ConnectorsConfiguration config = new ConnectorsConfiguration();
    config.setPluginsDirectory(directory);
    config.setDrainGrace(Duration.milliseconds(0));
    config.getTrust().setAllowlistFile(TestTrust.allowlistOf(directory));
    if (host != null) {
      host.stop();
    }
    host = new PluginHost(config, Clock.systemUTC(), new MetricRegistry(), new FakeCredentialSource(),
        new RecordingRateLimits(), "test", (action, subject) -> { }, Set.of(BUILT_IN.id()));
    host.start();
    BuiltInConnector builtIn = new FakeBuiltInConnector(BUILT_IN, (target, batch) -> deliver.apply(batch));
    return new HubConnectors(host, List.of(builtIn), Clock.systemUTC(), config.getMaxCallDuration().toJavaDuration());
  }
}

package io.leadbridge.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeApplication;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.Leads;
import io.leadbridge.testing.TestApps;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hub started on a plugins directory full of broken jars, built during the test: each broken
 * one is FAILED with its cause, the hub and the good plugins run on, and leased calls survive
 * whatever a plugin does wrong. Not thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(value = Db.class, names = "H2")
class PluginsApiTest extends HubTest {

  static final Path PLUGINS = BrokenPlugins.directory();

  private static final List<String> GOOD = List.of("good.jar", "other.jar", "moody.jar", "jackson-copy.jar", "peeker.jar");
  private static final CallTarget TARGET = CallTarget.of(UUID.randomUUID(), UUID.randomUUID(), Map.of());

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.appWithPlugins(db, PLUGINS, ConfigOverride.config("connectors.startTimeout", "3 seconds"));
  }

  static Stream<Arguments> failures() {
    return BrokenPlugins.FAILURES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void eachBrokenPluginIsFailedWithItsCauseOnOneLine(String file, String cause) {
    JsonNode plugin = plugin(file);

    assertThat(plugin.get("state").asText()).as(plugin.toString()).isEqualTo("FAILED");
    assertThat(plugin.get("cause").asText()).contains(cause).doesNotContain("\n", "\tat ", ".java:");
    assertThat(plugin.has("descriptor")).isFalse();
  }

  @Test
  void theHubAndTheGoodPluginsRunOnBesideTheBrokenOnes() {
    Hub hub = hub();
    assertThat(hub.api().get("/v1/me", hub.operatorKey()).statusCode()).isEqualTo(200);

    JsonNode items = list();
    assertThat(items).hasSize(GOOD.size() + BrokenPlugins.FAILURES.size());
    for (String file : GOOD) {
      assertThat(plugin(file).get("state").asText()).as(file).isEqualTo("STARTED");
    }
    assertThat(registry().started("ctor-throws", soon())).isEmpty();
    assertThat(registry().startedDescriptors()).extracting(d -> d.id())
        .containsExactly("good", "jackson-copy", "moody", "other", "peeker");
    LeadRecord lead = Leads.lead().build();
    try (ConnectorLease lease = registry().started("good", soon()).orElseThrow()) {
      assertThat(lease.deliver(TARGET, List.of(lead))).containsExactly(DeliveryOutcome.created("good-1.0.0-" + lead.leadId()));
    }
  }

  @Test
  void aJarWithoutAPluginIdIsListedByItsFileName() {
    JsonNode plugin = plugin("not-a-jar.jar");

    assertThat(plugin.get("id").isNull()).isTrue();
    assertThat(plugin.get("version").isNull()).isTrue();
  }

  @Test
  void aStartedPluginShowsItsDescriptorWithoutAnySecret() {
    JsonNode plugin = plugin("other.jar");

    assertThat(plugin.get("id").asText()).isEqualTo("other");
    assertThat(plugin.get("version").asText()).isEqualTo("2.1.0");
    assertThat(plugin.has("cause")).isFalse();
    JsonNode descriptor = plugin.get("descriptor");
    assertThat(descriptor.get("id").asText()).isEqualTo("other");
    assertThat(descriptor.get("displayName").asText()).isEqualTo("Test other");
    assertThat(descriptor.get("vendor").asText()).isEqualTo("Example Inc.");
    assertThat(descriptor.get("capabilities")).extracting(JsonNode::asText).containsExactly("BATCH", "UPSERT");
    JsonNode credential = descriptor.get("credentialFields").get(0);
    assertThat(credential.get("name").asText()).isEqualTo("apiKey");
    assertThat(credential.get("label").asText()).isEqualTo("API key");
    assertThat(credential.get("secret").asBoolean()).isTrue();
    JsonNode setting = descriptor.get("settingsFields").get(0);
    assertThat(setting.get("name").asText()).isEqualTo("region");
    assertThat(setting.get("secret").asBoolean()).isFalse();
    assertThat(setting.get("allowedValues")).extracting(JsonNode::asText).containsExactly("eu", "us");
    assertThat(setting.get("defaultValue").asText()).isEqualTo("eu");
    assertThat(descriptor.get("rateLimit").get("permits").asInt()).isEqualTo(10);
    assertThat(descriptor.get("rateLimit").get("window").asText()).isEqualTo("PT1S");
    assertThat(descriptor.get("maxBatchSize").asInt()).isEqualTo(10);
    assertThat(descriptor.get("defaultBaseUrl").asText()).isEqualTo("https://api.example.com");
  }

  @Test
  void theHealthCheckIsUnhealthyAndNamesEveryFailedJar() {
    HttpResponse<String> health = hub().admin().get("/healthcheck", null);

    assertThat(health.statusCode()).isEqualTo(500);
    JsonNode plugins = Hub.json(health).get(ConnectorsModule.HEALTH_CHECK);
    assertThat(plugins.get("healthy").asBoolean()).isFalse();
    String message = plugins.get("message").asText();
    BrokenPlugins.FAILURES.keySet().forEach(file -> assertThat(message).contains(file));
    assertThat(plugins.get("plugins").get("good.jar").asText()).isEqualTo("STARTED");
  }

  @Test
  void aBundledLibraryIsThePluginsOwnCopyWhileTheHubKeepsItsOwn() throws Exception {
    List<DeliveryOutcome> outcomes;
    try (ConnectorLease lease = registry().started("jackson-copy", soon()).orElseThrow()) {
      outcomes = lease.deliver(TARGET, List.of(Leads.lead().build()));
    }

    assertThat(outcomes).containsExactly(DeliveryOutcome.created("plugin-copy:x"));
    assertThat(new ObjectMapper().writeValueAsString("x")).isEqualTo("\"x\"");
    assertThat(list()).isNotEmpty();
  }

  @Test
  void pluginsSeeTheJdkAndTheConnectorApiButNothingElseOfTheHub() {
    List<DeliveryOutcome> outcomes;
    try (ConnectorLease lease = registry().started("peeker", soon()).orElseThrow()) {
      outcomes = lease.deliver(TARGET, List.of(Leads.lead().build()));
    }

    assertThat(outcomes).containsExactly(DeliveryOutcome.created("app=hidden,tenants=hidden,jetty=hidden,jackson=hidden"
        + ",jdk-http=visible,api-shared=true,context-loader=true"));
  }

  @Test
  void aLeasedCheckRunsInAContextForTheIntegration() {
    try (ConnectorLease lease = registry().started("good", soon()).orElseThrow()) {
      assertThat(lease.check(TARGET)).isEqualTo(CheckResult.success("reached eu"));
      assertThat(lease.check(CallTarget.of(UUID.randomUUID(), UUID.randomUUID(), Map.of("region", "us"))))
          .isEqualTo(CheckResult.success("reached us"));
      CheckResult misfit = lease.check(CallTarget.of(UUID.randomUUID(), UUID.randomUUID(), Map.of("region", "mars")));
      assertThat(misfit.ok()).isFalse();
      assertThat(misfit.detail()).contains("region").doesNotContain("mars");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"short", "null"})
  void aDeliveryThatBreaksTheOutcomeContractIsRetryableForEveryRecord(String mode) {
    List<DeliveryOutcome> outcomes = moodyDelivers(mode);

    assertThat(outcomes).hasSize(2).allSatisfy(outcome -> {
      assertThat(outcome).isInstanceOf(DeliveryOutcome.Retryable.class);
      assertThat(((DeliveryOutcome.Retryable) outcome).reason()).matches(".*moody 1\\.0\\.0.*errorId [0-9a-f]{16}.*");
    });
  }

  /** moody throws whenever the first lead of its batch says so: alone, its batch-mate gets through. */
  @ParameterizedTest
  @ValueSource(strings = {"throw", "linkage"})
  void aDeliveryThatThrowsIsRetryableForTheLeadThatCausedItAndLeaksNothing(String mode) {
    List<DeliveryOutcome> outcomes = moodyDelivers(mode);

    assertThat(outcomes).hasSize(2);
    assertThat(outcomes.get(1)).isInstanceOf(DeliveryOutcome.Delivered.class);
    assertThat(outcomes.subList(0, 1)).allSatisfy(outcome -> {
      assertThat(outcome).isInstanceOf(DeliveryOutcome.Retryable.class);
      assertThat(((DeliveryOutcome.Retryable) outcome).reason()).matches(".*moody 1\\.0\\.0.*errorId [0-9a-f]{16}.*")
          .doesNotContain("hunter2");
    });
  }

  private List<DeliveryOutcome> moodyDelivers(String mode) {
    List<LeadRecord> batch = new ArrayList<>();
    batch.add(Leads.lead().customField("mode", mode).build());
    batch.add(Leads.lead().build());
    try (ConnectorLease lease = registry().started("moody", soon()).orElseThrow()) {
      return lease.deliver(TARGET, batch);
    }
  }

  @Test
  void leasesKeepTheirRules() {
    assertThat(registry().started("nope", soon())).isEmpty();
    assertThatThrownBy(() -> registry().started("good", Instant.now().plusSeconds(3600)))
        .isInstanceOf(IllegalArgumentException.class);
    ConnectorLease lease = registry().started("good", soon()).orElseThrow();
    List<LeadRecord> tooMany = Stream.generate(() -> Leads.lead().build()).limit(11).toList();
    LeadRecord lead = Leads.lead().build();
    assertThatThrownBy(() -> lease.deliver(TARGET, tooMany)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> lease.deliver(TARGET, List.of(lead, lead))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> lease.deliver(TARGET, List.of())).isInstanceOf(IllegalArgumentException.class);
    lease.close();
    lease.close();
    assertThatThrownBy(() -> lease.deliver(TARGET, List.of(lead))).isInstanceOf(IllegalStateException.class);
  }

  private ConnectorRegistry registry() {
    return ((LeadbridgeApplication) app().getApplication()).connectors();
  }

  private static Instant soon() {
    return Instant.now().plusSeconds(30);
  }

  private JsonNode list() {
    HttpResponse<String> response = hub().api().get("/v1/plugins", hub().operatorKey());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = Hub.json(response);
    assertThat(body.get("nextCursor").isNull()).isTrue();
    return body.get("items");
  }

  private JsonNode plugin(String file) {
    for (JsonNode item : list()) {
      if (item.get("file").asText().equals(file)) {
        return item;
      }
    }
    throw new AssertionError("no plugin " + file + " in " + list());
  }
}

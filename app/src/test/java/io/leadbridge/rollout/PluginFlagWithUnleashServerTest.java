package io.leadbridge.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.flags.LocalUnleashAdmin;
import io.leadbridge.flags.LocalUnleashServer;
import io.leadbridge.flags.LocalUnleashServerExtension;
import io.leadbridge.rollout.HubOnUnleash.RolloutTenant;
import io.leadbridge.testing.CommandLine;
import io.leadbridge.testing.ConnectorSource;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.PluginJar;
import io.leadbridge.testing.TestApps;
import io.leadbridge.testing.TestTrust;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A plugin brings its own flag, against a REAL unleash-server (ops/unleash/start): a connector
 * that is in no catalog is hot-loaded into a running hub and stays off for every tenant, with the
 * reason shown to operators and in health, until {@code flags sync --plugins} creates its flag from
 * the plugins directory; widened in Unleash, tenants use it, with no edit of the hub. The steps
 * build on each other, so they run in order. {@code -Dleadbridge.unleash.skip=true} skips it on
 * purpose; a missing tool fails it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(60)
class PluginFlagWithUnleashServerTest {

  private static final String PLUGIN = "acme-crm";
  private static final String FLAG = "connector." + PLUGIN;

  @RegisterExtension
  static final LocalUnleashServerExtension UNLEASH = new LocalUnleashServerExtension();

  private static LocalUnleashServer server;
  private static HubOnUnleash hub;
  private static Path plugins;
  private static RolloutTenant tenant;

  @BeforeAll
  @Timeout(240)
  static void syncTheCatalogAndStartTheHub() throws Exception {
    if (UNLEASH.skipped()) {
      return;
    }
    server = UNLEASH.server();
    plugins = TestApps.tempDir();
    CommandLine.Run synced = sync("--plugins", plugins.toString(), "--allowlist", TestTrust.allowlistOf(plugins).toString());
    assertThat(synced.exitCode()).as(synced.output()).isZero();
    hub = UNLEASH.closeBeforeStopping(HubOnUnleash.start(server.url(), LocalUnleashServer.BACKEND_TOKEN, plugins));
    tenant = hub.newTenant();
  }

  @Test
  @Order(1)
  void aHotLoadedPluginWithoutAFlagIsOffForEveryTenantAndOperatorsSeeWhy() throws Exception {
    PluginJar.of(ConnectorSource.connector(PLUGIN, "0.1.0")).manifest("Plugin-Description", "Acme CRM")
        .writeTo(plugins, PLUGIN + ".jar");
    HttpResponse<String> reload = hub.hub().api().postJson("/v1/plugins/reload", hub.hub().operatorKey(), "");
    assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
    assertThat(reload.body()).contains("\"id\":\"" + PLUGIN + "\"");

    HttpResponse<String> created = createAcmeIntegration();

    assertThat(hub.connectorIds(tenant)).doesNotContain(PLUGIN);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(403);
    assertThat(Hub.json(created).get("code").asText()).isEqualTo("connector_not_enabled");
    JsonNode acme = operatorView(PLUGIN);
    assertThat(acme.get("flag").asText()).isEqualTo(FLAG);
    assertThat(acme.get("available").asBoolean()).isFalse();
    assertThat(acme.get("reason").asText()).startsWith("no flag " + FLAG + " on the Unleash server");
    assertThat(operatorView("hubspot").get("available").asBoolean()).isTrue();
    JsonNode health = hub.rolloutHealth();
    assertThat(health.get("healthy").asBoolean()).as(health.toString()).isFalse();
    assertThat(health.get("message").asText()).startsWith("degraded: no flag on ").contains(PLUGIN);
  }

  @Test
  @Order(2)
  void flagsSyncCreatesTheFlagFromThePluginsDirectoryOnceAndSkipsABrokenJar() throws Exception {
    Files.write(plugins.resolve("broken.jar"), "not a zip".getBytes(StandardCharsets.UTF_8));

    CommandLine.Run dryRun = sync("--plugins", plugins.toString(), "--allowlist", TestTrust.allowlistOf(plugins).toString(), "--dry-run");
    boolean existsAfterDryRun = flagExists();
    CommandLine.Run applied = sync("--plugins", plugins.toString(), "--allowlist", TestTrust.allowlistOf(plugins).toString());
    CommandLine.Run again = sync("--plugins", plugins.toString(), "--allowlist", TestTrust.allowlistOf(plugins).toString());

    assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
    assertThat(dryRun.output()).contains(PLUGIN + " 0.1.0 (" + PLUGIN + ".jar)", "refused broken.jar: ",
        "+ " + FLAG, "1 to create", "Dry run: nothing was changed.");
    assertThat(existsAfterDryRun).isFalse();
    assertThat(applied.exitCode()).as(applied.output()).isZero();
    assertThat(applied.output()).contains("Applied:").doesNotContain(LocalUnleashServer.ADMIN_TOKEN);
    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(again.output()).contains("no changes").doesNotContain("Applied:");
    JsonNode flag = server.admin().call("GET", LocalUnleashAdmin.featurePath(FLAG), null);
    assertThat(flag.path("description").asText()).contains("Acme CRM", "plugin '" + PLUGIN + "'");
    JsonNode strategy = server.admin().environment(FLAG, "development").path("strategies").get(0);
    assertThat(strategy.path("parameters").path("rollout").asText()).as("closed for tenants").isEqualTo("0");

    JsonNode health = awaitHealthy();
    assertThat(health.get("healthy").asBoolean()).as(health.toString()).isTrue();
    assertThat(operatorView(PLUGIN).get("available").asBoolean()).isTrue();
    assertThat(operatorView(PLUGIN).get("reason").asText()).isEqualTo("flag " + FLAG + " decides per tenant");
    assertThat(hub.connectorIds(tenant)).as("0 %: still closed").doesNotContain(PLUGIN);
  }

  @Test
  @Order(3)
  void widenedInUnleashTheTenantSeesAndUsesTheNewConnector() throws Exception {
    server.admin().setRollout(FLAG, 100);

    List<String> sees = hub.awaitConnectors(tenant, ids -> ids.contains(PLUGIN));
    HttpResponse<String> created = createAcmeIntegration();

    assertThat(sees).contains(PLUGIN);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  @Test
  @Order(4)
  void switchedOffTheOperatorsSeeWhyAgain() throws Exception {
    server.admin().switchFlag(FLAG, false);

    List<String> sees = hub.awaitConnectors(tenant, ids -> !ids.contains(PLUGIN));

    assertThat(sees).doesNotContain(PLUGIN);
    JsonNode acme = operatorView(PLUGIN);
    assertThat(acme.get("available").asBoolean()).isFalse();
    assertThat(acme.get("reason").asText()).isEqualTo("flag " + FLAG + " is switched off: off for every tenant");
  }

  private static CommandLine.Run sync(String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("flags", "sync", "--url", server.url().toString()));
    args.addAll(List.of(options));
    return CommandLine.run(Map.of("LEADBRIDGE_UNLEASH_ADMIN_TOKEN", LocalUnleashServer.ADMIN_TOKEN),
        args.toArray(String[]::new));
  }

  private static boolean flagExists() {
    for (JsonNode feature : server.admin().call("GET", "/api/admin/projects/default/features", null).path("features")) {
      if (FLAG.equals(feature.path("name").asText())) {
        return true;
      }
    }
    return false;
  }

  private static HttpResponse<String> createAcmeIntegration() {
    return hub.hub().api().postJson("/v1/integrations/third-party", tenant.key(),
        "{\"connector\":\"" + PLUGIN + "\",\"name\":\"Acme\",\"settings\":{\"region\":\"eu\"},"
            + "\"credentials\":{\"apiKey\":\"CANARY-" + UUID.randomUUID() + "\"}}");
  }

  /** The operator's {@code GET /v1/connectors} entry of one connector. */
  private static JsonNode operatorView(String connectorId) {
    HttpResponse<String> response = hub.hub().api().get("/v1/connectors", hub.hub().operatorKey());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    for (JsonNode item : Hub.json(response).get("items")) {
      if (connectorId.equals(item.get("id").asText())) {
        return item;
      }
    }
    throw new AssertionError(connectorId + " is not in the operators' list: " + response.body());
  }

  private static JsonNode awaitHealthy() throws InterruptedException {
    Instant deadline = Instant.now().plus(HubOnUnleash.PROPAGATION);
    JsonNode health = hub.rolloutHealth();
    while (!health.get("healthy").asBoolean() && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      health = hub.rolloutHealth();
    }
    return health;
  }
}

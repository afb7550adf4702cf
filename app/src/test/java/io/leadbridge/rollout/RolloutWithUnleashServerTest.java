package io.leadbridge.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.flags.LocalUnleashServer;
import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import io.leadbridge.testing.CommandLine;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.TestApps;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The hub gated by a REAL unleash-server 8.2.0 (ops/unleash/start): the flags synced from the
 * catalog, {@code connector.hubspot} then opened for one pilot tenant in Unleash, and the hub's API
 * following within its refresh interval. The steps build on each other, so they run in order.
 * {@code -Dleadbridge.unleash.skip=true} skips it on purpose; a missing tool fails it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(60)
class RolloutWithUnleashServerTest {

  private static final boolean SKIP = Boolean.getBoolean("leadbridge.unleash.skip");
  private static final String FLAG = "connector.hubspot";
  private static final Duration PROPAGATION = Duration.ofSeconds(15);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final HubSpotSimulator HUBSPOT = HubSpotSimulator.builder().token("pat-sim-valid-token").start();

  private static LocalUnleashServer server;
  private static DropwizardAppExtension<LeadbridgeConfiguration> app;
  private static Hub hub;
  private static UUID pilot;
  private static UUID other;

  @BeforeAll
  @Timeout(480)
  static void startUnleashSyncFlagsAndStartTheHub() throws Exception {
    if (SKIP) {
      return;
    }
    server = LocalUnleashServer.start(
        Path.of(System.getProperty("leadbridge.unleash.opsDir", "../ops/unleash")).toAbsolutePath().normalize(),
        Path.of(System.getProperty("leadbridge.unleash.stateRoot", "target/unleash-it")).toAbsolutePath());
    // The operator's way: the app's `flags sync` command, in its own JVM, token from the environment.
    Map<String, String> env = Map.of("LEADBRIDGE_UNLEASH_ADMIN_TOKEN", LocalUnleashServer.ADMIN_TOKEN);
    String url = server.url().toString();
    CommandLine.Run dryRun = CommandLine.run(env, "flags", "sync", "--url", url, "--dry-run");
    CommandLine.Run applied = CommandLine.run(env, "flags", "sync", "--url", url);
    CommandLine.Run again = CommandLine.run(env, "flags", "sync", "--url", url);
    assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
    assertThat(dryRun.output()).contains("Dry run: nothing was changed.");
    assertThat(applied.exitCode()).as(applied.output()).isZero();
    assertThat(applied.output()).contains("Applied:").doesNotContain(LocalUnleashServer.ADMIN_TOKEN);
    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(again.output()).doesNotContain("Applied:").doesNotContain("Dry run");

    app = TestApps.appWithHubSpot(Db.H2, TestApps.tempDir(),
        ConfigOverride.config("rollout.serverUrl", server.url().toString()),
        ConfigOverride.config("rollout.apiToken", LocalUnleashServer.BACKEND_TOKEN),
        ConfigOverride.config("rollout.refreshInterval", "1 second"));
    app.before();
    hub = new Hub(app);
    pilot = hub.createTenant();
    other = hub.createTenant();
  }

  @AfterAll
  @Timeout(120)
  static void stopEverything() throws IOException, InterruptedException {
    try {
      if (app != null) {
        app.after();
      }
    } finally {
      HUBSPOT.close();
      if (server != null) {
        server.stop();
      }
    }
  }

  /** Per test, not per class: surefire counts each skipped test, so the skip shows in the summary. */
  @BeforeEach
  void skipOnlyWhenAskedTo() {
    Assumptions.assumeFalse(SKIP, "skipped on purpose: -Dleadbridge.unleash.skip=true");
  }

  @Test
  @Order(1)
  void aConnectorNewlySyncedIsClosedForEveryTenantAndTheRolloutIsHealthy() {
    assertThat(connectorIds(pilot)).doesNotContain("hubspot");
    assertThat(connectorIds(other)).doesNotContain("hubspot");

    HttpResponse<String> refused = createHubSpotIntegration(other);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(Hub.json(refused).get("code").asText()).isEqualTo("connector_not_enabled");
    JsonNode rollout = Hub.json(hub.admin().get("/healthcheck", null)).get("rollout");
    assertThat(rollout.get("healthy").asBoolean()).as(rollout.toString()).isTrue();
    assertThat(rollout.get("message").asText()).contains("fetched from " + server.url());
  }

  @Test
  @Order(2)
  void openedForThePilotInUnleashOnlyThePilotSeesAndCreatesHubSpot() throws Exception {
    openForPilotOnly();

    List<String> pilotSees = awaitConnectors(pilot, ids -> ids.contains("hubspot"));
    HttpResponse<String> otherCreates = createHubSpotIntegration(other);
    HttpResponse<String> pilotCreates = createHubSpotIntegration(pilot);
    HttpResponse<String> otherUnknown = hub.api().postJson("/v1/integrations/third-party",
        hub.tenantKey(other, Role.TENANT_ADMIN), "{\"connector\":\"salesforce\",\"name\":\"x\"}");

    assertThat(pilotSees).contains("hubspot");
    assertThat(connectorIds(other)).doesNotContain("hubspot");
    assertThat(otherCreates.statusCode()).as(otherCreates.body()).isEqualTo(403);
    assertThat(Hub.json(otherCreates).get("code").asText()).isEqualTo("connector_not_enabled");
    assertThat(pilotCreates.statusCode()).as(pilotCreates.body()).isEqualTo(201);
    assertThat(otherUnknown.statusCode()).as("not started: still 422").isEqualTo(422);
    assertThat(Hub.json(otherUnknown).get("errors").get(0).get("field").asText()).isEqualTo("connector");
  }

  @Test
  @Order(3)
  void switchedOffInUnleashTheConnectorDisappearsForThePilotToo() throws Exception {
    admin("POST", "/api/admin/projects/default/features/" + FLAG + "/environments/development/off", null);

    List<String> pilotSees = awaitConnectors(pilot, ids -> !ids.contains("hubspot"));

    assertThat(pilotSees).doesNotContain("hubspot");
    assertThat(createHubSpotIntegration(pilot).statusCode()).isEqualTo(403);
  }

  /** A second strategy, OR-ed with the synced 0% one: 100% of the tenants whose id is the pilot's. */
  private static void openForPilotOnly() throws Exception {
    admin("POST", "/api/admin/projects/default/features/" + FLAG + "/environments/development/strategies",
        "{\"name\":\"flexibleRollout\",\"parameters\":{\"rollout\":\"100\",\"stickiness\":\"userId\","
            + "\"groupId\":\"" + FLAG + "\"},\"constraints\":[{\"contextName\":\"userId\",\"operator\":\"IN\","
            + "\"values\":[\"" + pilot + "\"],\"caseInsensitive\":false,\"inverted\":false}]}");
  }

  private static void admin(String method, String path, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.url().resolve(path))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", LocalUnleashServer.ADMIN_TOKEN)
        .header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
  }

  private static HttpResponse<String> createHubSpotIntegration(UUID tenant) {
    return hub.api().postJson("/v1/integrations/third-party", hub.tenantKey(tenant, Role.TENANT_ADMIN),
        "{\"connector\":\"hubspot\",\"name\":\"Main CRM\",\"baseUrl\":\"" + HUBSPOT.baseUri()
            + "\",\"settings\":{\"createDeal\":\"false\"},\"credentials\":{\"accessToken\":\"pat-sim-valid-token\"}}");
  }

  private static List<String> connectorIds(UUID tenant) {
    HttpResponse<String> response = hub.api().get("/v1/connectors", hub.tenantKey(tenant, Role.TENANT_ADMIN));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    Hub.json(response).get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  /** The tenant's connectors once they satisfy {@code expected}, or as they are when the time is up. */
  private static List<String> awaitConnectors(UUID tenant, Predicate<List<String>> expected)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(PROPAGATION);
    List<String> ids = connectorIds(tenant);
    while (!expected.test(ids) && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      ids = connectorIds(tenant);
    }
    return ids;
  }
}

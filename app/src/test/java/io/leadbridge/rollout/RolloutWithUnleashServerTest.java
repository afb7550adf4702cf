package io.leadbridge.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.flags.LocalUnleashServer;
import io.leadbridge.flags.LocalUnleashServerExtension;
import io.leadbridge.rollout.HubOnUnleash.RolloutTenant;
import io.leadbridge.testing.CommandLine;
import io.leadbridge.testing.Hub;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hub gated by a REAL unleash-server 8.2.0 (ops/unleash/start): the flags synced from the
 * catalog, {@code connector.hubspot} then opened for one pilot tenant in Unleash, and the hub's API
 * following within its refresh interval. The steps build on each other, so they run in order.
 * {@code -Dleadbridge.unleash.skip=true} skips it on purpose; a missing tool fails it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(60)
class RolloutWithUnleashServerTest {

  private static final String FLAG = "connector.hubspot";

  @RegisterExtension
  static final LocalUnleashServerExtension UNLEASH = new LocalUnleashServerExtension();

  private static LocalUnleashServer server;
  private static HubOnUnleash hub;
  private static RolloutTenant pilot;
  private static RolloutTenant other;

  @BeforeAll
  @Timeout(240)
  static void syncFlagsAndStartTheHub() throws Exception {
    if (UNLEASH.skipped()) {
      return;
    }
    server = UNLEASH.server();
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

    hub = UNLEASH.closeBeforeStopping(HubOnUnleash.start(server.url(), LocalUnleashServer.BACKEND_TOKEN));
    pilot = hub.newTenant();
    other = hub.newTenant();
  }

  @Test
  @Order(1)
  void aConnectorNewlySyncedIsClosedForEveryTenantAndTheRolloutIsHealthy() {
    assertThat(hub.connectorIds(pilot)).doesNotContain("hubspot");
    assertThat(hub.connectorIds(other)).doesNotContain("hubspot");

    HttpResponse<String> refused = hub.createHubSpotIntegration(other);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(Hub.json(refused).get("code").asText()).isEqualTo("connector_not_enabled");
    JsonNode rollout = hub.rolloutHealth();
    assertThat(rollout.get("healthy").asBoolean()).as(rollout.toString()).isTrue();
    assertThat(rollout.get("message").asText()).contains("fetched from " + server.url());
  }

  @Test
  @Order(2)
  void openedForThePilotInUnleashOnlyThePilotSeesAndCreatesHubSpot() throws Exception {
    openForPilotOnly();

    List<String> pilotSees = hub.awaitConnectors(pilot, ids -> ids.contains("hubspot"));
    HttpResponse<String> otherCreates = hub.createHubSpotIntegration(other);
    HttpResponse<String> pilotCreates = hub.createHubSpotIntegration(pilot);
    HttpResponse<String> otherUnknown = hub.hub().api().postJson("/v1/integrations/third-party",
        other.key(), "{\"connector\":\"salesforce\",\"name\":\"x\"}");

    assertThat(pilotSees).contains("hubspot");
    assertThat(hub.connectorIds(other)).doesNotContain("hubspot");
    assertThat(otherCreates.statusCode()).as(otherCreates.body()).isEqualTo(403);
    assertThat(Hub.json(otherCreates).get("code").asText()).isEqualTo("connector_not_enabled");
    assertThat(pilotCreates.statusCode()).as(pilotCreates.body()).isEqualTo(201);
    assertThat(otherUnknown.statusCode()).as("not started: still 422").isEqualTo(422);
    assertThat(Hub.json(otherUnknown).get("errors").get(0).get("field").asText()).isEqualTo("connector");
  }

  @Test
  @Order(3)
  void switchedOffInUnleashTheConnectorDisappearsForThePilotToo() throws Exception {
    server.admin().switchFlag(FLAG, false);

    List<String> pilotSees = hub.awaitConnectors(pilot, ids -> !ids.contains("hubspot"));

    assertThat(pilotSees).doesNotContain("hubspot");
    assertThat(hub.createHubSpotIntegration(pilot).statusCode()).isEqualTo(403);
  }

  /** A second strategy, OR-ed with the synced 0% one: 100% of the tenants whose id is the pilot's. */
  private static void openForPilotOnly() {
    server.admin().addStrategy(FLAG,
        "{\"name\":\"flexibleRollout\",\"parameters\":{\"rollout\":\"100\",\"stickiness\":\"userId\","
            + "\"groupId\":\"" + FLAG + "\"},\"constraints\":[{\"contextName\":\"userId\",\"operator\":\"IN\","
            + "\"values\":[\"" + pilot.id() + "\"],\"caseInsensitive\":false,\"inverted\":false}]}");
  }
}

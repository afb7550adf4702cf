package io.leadbridge.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.leadbridge.flags.FlagCatalog;
import io.leadbridge.flags.FlagSyncRequest;
import io.leadbridge.flags.FlagSyncRunner;
import io.leadbridge.flags.LocalUnleashServer;
import io.leadbridge.flags.LocalUnleashServerExtension;
import io.leadbridge.flags.SyncOutcome;
import io.leadbridge.rollout.HubOnUnleash.RolloutTenant;
import io.leadbridge.testing.Hub;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 200 tenants (fixed ids) of a hub gated by a REAL unleash-server 8.2.0, seen through
 * {@code GET /v1/connectors}: {@code connector.hubspot}'s flexibleRollout widened 0 → 25 → 100 % with
 * tenant stickiness, then the server killed mid-run (every tenant's answer holds, the tenant API
 * keeps working, the health check says degraded) and started again (a change flows again, the
 * health check recovers). The steps build on each other, so they run in order. Not thread-safe.
 * {@code -Dleadbridge.unleash.skip=true} skips it on purpose; a missing tool fails it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class RolloutPercentageAndOutageWithUnleashServerTest {

  private static final String FLAG = "connector.hubspot";
  private static final String CONNECTOR = "hubspot";
  private static final int TENANTS = 200;
  /** The bound: the enabled share is within this many percentage points of the target. */
  private static final double TOLERANCE_POINTS = 8;
  /** The hub calls the flags stale after two missed refreshes of at most 1 s + 2 × 2 s each: 10 s. */
  private static final Duration HEALTH_CHANGE = Duration.ofSeconds(40);

  @RegisterExtension
  static final LocalUnleashServerExtension UNLEASH = new LocalUnleashServerExtension();

  private static LocalUnleashServer server;
  private static HubOnUnleash hub;
  private static List<RolloutTenant> tenants;
  private static Set<UUID> enabledAtTwentyFive;
  private static RolloutTenant enabledBeforeTheOutage;

  @BeforeAll
  @Timeout(240)
  static void syncFlagsAndStartTheHubWithTwoHundredTenants() throws Exception {
    if (UNLEASH.skipped()) {
      return;
    }
    server = UNLEASH.server();
    StringWriter syncOutput = new StringWriter();
    SyncOutcome synced = new FlagSyncRunner(FlagCatalog.standard()).run(new FlagSyncRequest(server.url(),
        LocalUnleashServer.ADMIN_TOKEN, null, null, false, false), new PrintWriter(syncOutput));
    assertThat(synced).as(syncOutput.toString()).isEqualTo(SyncOutcome.CHANGES_APPLIED);
    // The operator's way to give the hub a token: the Admin API, not a token baked into the server.
    String clientToken = server.admin().createClientToken("leadbridge-hub-it");
    hub = UNLEASH.closeBeforeStopping(
        HubOnUnleash.start(server.url(), clientToken, ConfigOverride.config("rollout.fetchTimeout", "2 seconds")));
    tenants = hub.tenantsWithFixedIds(TENANTS);
  }

  @Test
  @Order(1)
  void atZeroPercentNoTenantHasHubSpot() {
    server.admin().setRollout(FLAG, 0);

    Set<UUID> enabled = enabledTenants();

    assertThat(enabled).isEmpty();
    assertThat(hub.rolloutHealth().get("healthy").asBoolean()).as(hub.rolloutHealth().toString()).isTrue();
  }

  @Test
  @Order(2)
  void atTwentyFivePercentAboutAQuarterOfTheTenantsHaveHubSpot() throws InterruptedException {
    server.admin().setRollout(FLAG, 25);

    enabledAtTwentyFive = awaitEnabledTenantsOtherThan(Set.of());

    assertThat(sharePercent(enabledAtTwentyFive)).isCloseTo(25, within(TOLERANCE_POINTS));
  }

  @Test
  @Order(3)
  void atHundredPercentEveryTenantHasHubSpotAndNobodyFromTheQuarterLostIt() throws InterruptedException {
    server.admin().setRollout(FLAG, 100);

    Set<UUID> enabled = awaitEnabledTenantsOtherThan(enabledAtTwentyFive);

    assertThat(sharePercent(enabled)).isCloseTo(100, within(TOLERANCE_POINTS));
    assertThat(enabled).containsAll(enabledAtTwentyFive);
  }

  @Test
  @Order(4)
  void withTheServerKilledEveryTenantKeepsItsAnswerAndTheHealthCheckSaysDegraded() throws Exception {
    server.admin().setRollout(FLAG, 50);
    Set<UUID> enabled = awaitEnabledTenantsOtherThan(ids(tenants));
    Map<UUID, List<String>> before = connectorsOfEveryTenant();
    enabledBeforeTheOutage = tenantWhere(enabled::contains);
    RolloutTenant disabled = tenantWhere(id -> !enabled.contains(id));

    server.kill();
    Map<UUID, List<String>> rightAfterTheKill = connectorsOfEveryTenant();
    JsonNode health = awaitRolloutHealth(false);
    Map<UUID, List<String>> onceTheHubNoticed = connectorsOfEveryTenant();
    HttpResponse<String> enabledCreates = hub.createHubSpotIntegration(enabledBeforeTheOutage);
    HttpResponse<String> disabledCreates = hub.createHubSpotIntegration(disabled);

    assertThat(rightAfterTheKill).isEqualTo(before);
    assertThat(onceTheHubNoticed).isEqualTo(before);
    assertThat(enabledCreates.statusCode()).as(enabledCreates.body()).isEqualTo(201);
    assertThat(disabledCreates.statusCode()).as(disabledCreates.body()).isEqualTo(403);
    assertThat(Hub.json(disabledCreates).get("code").asText()).isEqualTo("connector_not_enabled");
    assertThat(health.get("healthy").asBoolean()).as(health.toString()).isFalse();
    assertThat(health.get("message").asText())
        .startsWith("degraded: cannot read " + server.url() + " (Could not fetch toggles: ConnectException")
        .contains("last fetched at", "the last known state of");
  }

  @Test
  @Order(5)
  void startedAgainAChangeMadeInUnleashReachesTheHubAndTheHealthCheckRecovers() throws Exception {
    server.startAgain();
    server.admin().switchFlag(FLAG, false);

    List<String> connectors = hub.awaitConnectors(enabledBeforeTheOutage, ids -> !ids.contains(CONNECTOR));
    Set<UUID> enabled = enabledTenants();
    JsonNode health = awaitRolloutHealth(true);

    assertThat(connectors).doesNotContain(CONNECTOR);
    assertThat(enabled).isEmpty();
    assertThat(health.get("healthy").asBoolean()).as(health.toString()).isTrue();
    assertThat(health.get("message").asText()).contains("fetched from " + server.url());
  }

  /** Each tenant's connectors, in tenant order; a tenant call that does not answer 200 fails the test. */
  private static Map<UUID, List<String>> connectorsOfEveryTenant() {
    Map<UUID, List<String>> connectors = new LinkedHashMap<>();
    tenants.forEach(tenant -> connectors.put(tenant.id(), hub.connectorIds(tenant)));
    return connectors;
  }

  private static Set<UUID> enabledTenants() {
    return connectorsOfEveryTenant().entrySet().stream()
        .filter(entry -> entry.getValue().contains(CONNECTOR))
        .map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The enabled tenants once a change has reached the hub. One fetch replaces every flag at once,
   * so the first tenant whose answer differs from {@code before} shows the change has arrived, and
   * a full pass after it measures the new state.
   */
  private static Set<UUID> awaitEnabledTenantsOtherThan(Set<UUID> before) throws InterruptedException {
    Instant deadline = Instant.now().plus(HubOnUnleash.PROPAGATION);
    while (Instant.now().isBefore(deadline)) {
      for (RolloutTenant tenant : tenants) {
        if (hub.connectorIds(tenant).contains(CONNECTOR) != before.contains(tenant.id())) {
          return enabledTenants();
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no tenant's answer changed within " + HubOnUnleash.PROPAGATION);
  }

  /** The rollout health check once its {@code healthy} is as expected, or as it is when the time is up. */
  private static JsonNode awaitRolloutHealth(boolean healthy) throws InterruptedException {
    Instant deadline = Instant.now().plus(HEALTH_CHANGE);
    JsonNode health = hub.rolloutHealth();
    while (health.get("healthy").asBoolean() != healthy && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
      health = hub.rolloutHealth();
    }
    return health;
  }

  private static double sharePercent(Set<UUID> enabled) {
    return 100.0 * enabled.size() / TENANTS;
  }

  private static Set<UUID> ids(List<RolloutTenant> some) {
    return some.stream().map(RolloutTenant::id).collect(Collectors.toUnmodifiableSet());
  }

  private static RolloutTenant tenantWhere(Predicate<UUID> condition) {
    return tenants.stream().filter(tenant -> condition.test(tenant.id())).findFirst()
        .orElseThrow(() -> new AssertionError("no tenant on that side of the rollout"));
  }
}

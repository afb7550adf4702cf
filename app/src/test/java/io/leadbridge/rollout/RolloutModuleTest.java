package io.leadbridge.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck.Result;
import io.dropwizard.util.Duration;
import io.leadbridge.credentials.SecretValue;
import io.leadbridge.tenants.Tenant;
import io.leadbridge.tenants.TenantStatus;
import io.leadbridge.testing.Poll;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollout module on the real Unleash SDK: the embedded bootstrap when no server is configured,
 * the backup file when the server is unreachable at start, and the last fetched state holding —
 * without flapping — when it goes away later, with the health check saying degraded.
 */
@Timeout(60)
class RolloutModuleTest {

  private static final Tenant PILOT = tenant(TenantStatus.ACTIVE);
  private static final Tenant OTHER = tenant(TenantStatus.ACTIVE);
  private static final Tenant GONE = tenant(TenantStatus.OFFBOARDED);
  private static final Map<UUID, Tenant> TENANTS = Map.of(PILOT.id(), PILOT, OTHER.id(), OTHER, GONE.id(), GONE);
  private static final List<String> CONNECTORS = List.of("hubspot", "example", "salesforce");

  /** The started plugins, as the plugin host reports them; a test may hot-load one. */
  private final List<String> started = new CopyOnWriteArrayList<>(List.of("hubspot", "example"));

  @TempDir Path data;
  private RolloutModule module;

  @AfterEach
  void stop() {
    if (module != null) {
      module.stop();
    }
  }

  @Test
  void withoutAServerEveryStartedConnectorIsOpenToActiveTenantsOnly() throws IOException {
    // A backup left in the bootstrap mode's place must not hide the catalog of this build.
    Files.createDirectories(data.resolve("rollout"));
    Files.writeString(data.resolve("rollout/bootstrap-mode-backup.json"), features("[]", false));

    module = start(new RolloutConfiguration());

    assertThat(module.gate().enabledConnectors(PILOT.id(), CONNECTORS)).containsExactlyInAnyOrder("hubspot", "example");
    assertThat(module.gate().isEnabled("hubspot", OTHER.id())).isTrue();
    assertThat(module.gate().isStateFresh()).as("the embedded default cannot go stale").isTrue();
    assertThat(module.gate().mayRelease("hubspot", OTHER.id())).isTrue();
    assertThat(module.gate().isEnabled("hubspot", GONE.id())).as("offboarded").isFalse();
    assertThat(module.gate().mayRelease("hubspot", GONE.id())).isFalse();
    assertThat(module.gate().isEnabled("hubspot", UUID.randomUUID())).as("unknown tenant").isFalse();
    assertThat(module.gate().isEnabled("Not A Plugin Id", PILOT.id())).isFalse();
    assertThat(module.gate().availability("salesforce").available()).as("not started").isFalse();
    Result health = module.healthCheck().execute();
    assertThat(health.isHealthy()).isTrue();
    assertThat(health.getMessage()).contains("embedded bootstrap", "every started connector (hubspot, example)");

    started.add("acme-crm");

    assertThat(module.gate().isEnabled("acme-crm", PILOT.id())).as("hot-loaded, in no catalog").isTrue();
    assertThat(module.gate().availability("acme-crm"))
        .isEqualTo(new FlagAvailability("connector.acme-crm", true,
            "no Unleash server configured: on for every tenant (the embedded default)"));
  }

  @Test
  void withAServerAStartedConnectorWithoutAFlagIsClosedForEveryoneAndHealthNamesIt() throws Exception {
    try (FakeUnleashServer server = FakeUnleashServer.serving(pilotOnly())) {
      module = start(serverConfig(server.url()));
      assertThat(module.healthCheck().execute().isHealthy()).isTrue();

      started.add("acme-crm");

      assertThat(module.gate().enabledConnectors(PILOT.id(), List.of("hubspot", "acme-crm"))).containsExactly("hubspot");
      assertThat(module.gate().availability("acme-crm")).isEqualTo(new FlagAvailability("connector.acme-crm", false,
          "no flag connector.acme-crm on the Unleash server: off for every tenant until flags sync creates it"));
      assertThat(module.gate().availability("hubspot").available()).isTrue();
      Result health = module.healthCheck().execute();
      assertThat(health.isHealthy()).isFalse();
      assertThat(health.getMessage()).isEqualTo("degraded: no flag on " + server.url() + " for the started connector"
          + " acme-crm: off for every tenant until flags sync creates connector.acme-crm");
    }
  }

  @Test
  void serverUnreachableAtStartTheBackupFileHoldsAndHealthSaysDegraded() throws IOException {
    Files.createDirectories(data.resolve("rollout"));
    Files.writeString(data.resolve("rollout/unleash-backup.json"), pilotOnly());

    module = start(serverConfig(closedPort()));

    assertThat(module.gate().enabledConnectors(PILOT.id(), CONNECTORS)).containsExactlyInAnyOrder("hubspot", "example");
    assertThat(module.gate().enabledConnectors(OTHER.id(), CONNECTORS)).containsExactly("example");
    assertThat(module.gate().mayRelease("hubspot", PILOT.id())).as("on, but only by the backup file").isFalse();
    Result health = module.healthCheck().execute();
    assertThat(health.isHealthy()).isFalse();
    assertThat(health.getMessage()).startsWith("degraded: cannot read ")
        .contains("the last known state of 2 flags holds (from the backup file)")
        .doesNotContain("test-token");
  }

  @Test
  void serverUnreachableAtStartWithoutABackupNothingIsOpenNotEvenByTheBootstrap() {
    module = start(serverConfig(closedPort()));

    assertThat(module.gate().enabledConnectors(PILOT.id(), CONNECTORS)).isEmpty();
    Result health = module.healthCheck().execute();
    assertThat(health.isHealthy()).isFalse();
    assertThat(health.getMessage()).contains("every connector is off");
  }

  @Test
  void serverGoneLaterTheLastFetchedStateHoldsWithoutFlappingAndIsBackedUp() throws Exception {
    try (FakeUnleashServer server = FakeUnleashServer.serving(pilotOnly())) {
      module = start(serverConfig(server.url()));
      assertThat(module.gate().enabledConnectors(PILOT.id(), CONNECTORS)).containsExactlyInAnyOrder("hubspot", "example");
      // The SDK reports the fetch to the health check and writes the backup just after the flags
      // are usable: wait for both rather than race them.
      Poll.until("healthy after the first fetch", java.time.Duration.ofSeconds(10),
          () -> module.healthCheck().execute().isHealthy());
      Poll.until("the backup written", java.time.Duration.ofSeconds(10), () -> backupHolds("connector.hubspot"));
      assertThat(server.featureFetches()).isPositive();
    }

    // Every 100 ms until the flags count as stale (6 s here), and once more after: not a single change.
    Instant deadline = Instant.now().plusSeconds(30);
    Result health = module.healthCheck().execute();
    do {
      assertThat(module.gate().isEnabled("hubspot", PILOT.id())).isTrue();
      assertThat(module.gate().isEnabled("hubspot", OTHER.id())).isFalse();
      Thread.sleep(100);
      health = module.healthCheck().execute();
    } while (health.isHealthy() && Instant.now().isBefore(deadline));
    assertThat(module.gate().isEnabled("hubspot", PILOT.id())).isTrue();
    assertThat(module.gate().isEnabled("hubspot", OTHER.id())).isFalse();
    assertThat(health.isHealthy()).isFalse();
    assertThat(health.getMessage()).startsWith("degraded:")
        .contains("(Could not fetch toggles: ConnectException", "last fetched at", "the last known state of 2 flags");

    module.stop();
    module = start(serverConfig(closedPort()));
    assertThat(module.gate().enabledConnectors(PILOT.id(), CONNECTORS)).as("restarted on the backup")
        .containsExactlyInAnyOrder("hubspot", "example");
  }

  /**
   * A node that loses the server keeps its flags (held work stays held, flowing work flows) but
   * releases nothing held until a fetch succeeds again: the flag it last saw on may have been
   * switched off since. The clock is the module's, moved on instead of waiting for the bound.
   */
  @Test
  void serverGoneLaterHeldWorkIsNoLongerReleasedOnceTheStateIsStaleThoughTheFlagsHold() throws Exception {
    SettableClock clock = new SettableClock(Instant.now());
    try (FakeUnleashServer server = FakeUnleashServer.serving(pilotOnly())) {
      module = start(serverConfig(server.url()), clock);
      assertThat(module.gate().isStateFresh()).isTrue();
      assertThat(module.gate().mayRelease("hubspot", PILOT.id())).isTrue();
      assertThat(module.gate().mayRelease("hubspot", OTHER.id())).as("off for it").isFalse();
      clock.advance(java.time.Duration.ofSeconds(5));
      assertThat(module.gate().mayRelease("hubspot", PILOT.id())).as("within the bound").isTrue();
    }

    // Refresh 1 s and fetch timeout 1 s: stale 6 s after the last good fetch, as the health check says.
    // Moved on again while a fetch answered just before the server went away could still land.
    Poll.until("the flag state is stale", java.time.Duration.ofSeconds(20), () -> {
      clock.advance(java.time.Duration.ofSeconds(7));
      return !module.gate().isStateFresh();
    });
    assertThat(module.gate().isEnabled("hubspot", PILOT.id())).as("the last known state holds").isTrue();
    assertThat(module.gate().isEnabled("hubspot", OTHER.id())).isFalse();
    assertThat(module.gate().mayRelease("hubspot", PILOT.id())).as("but releases nothing").isFalse();
    assertThat(module.gate().mayRelease("example", OTHER.id())).isFalse();
    assertThat(module.healthCheck().execute().getMessage()).startsWith("degraded:");
  }

  private RolloutModule start(RolloutConfiguration config) {
    return start(config, Clock.systemUTC());
  }

  private RolloutModule start(RolloutConfiguration config, Clock clock) {
    return new RolloutModule(config, data, id -> Optional.ofNullable(TENANTS.get(id)), () -> started, clock);
  }

  /** A clock the test moves on; thread-safe (the SDK's threads read it). */
  private static final class SettableClock extends Clock {
    private final AtomicReference<Instant> now;

    SettableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(java.time.Duration by) {
      now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private static RolloutConfiguration serverConfig(URI url) {
    RolloutConfiguration config = new RolloutConfiguration();
    config.setServerUrl(url);
    config.setApiToken(SecretValue.of("default:development.test-token"));
    config.setRefreshInterval(Duration.seconds(1));
    // Generous for a loaded machine: a fetch from the in-process fake must not time out.
    config.setFetchTimeout(Duration.seconds(1));
    return config;
  }

  private static URI closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** hubspot for the pilot only, example for every tenant. */
  private static String pilotOnly() {
    return features("[{\"contextName\":\"userId\",\"operator\":\"IN\",\"values\":[\"" + PILOT.id()
        + "\"],\"caseInsensitive\":false,\"inverted\":false}]", true);
  }

  private static String features(String hubspotConstraints, boolean enabled) {
    return """
        {"version":2,"features":[
         {"name":"connector.hubspot","type":"permission","enabled":%s,"impressionData":false,
          "strategies":[{"name":"flexibleRollout",
            "parameters":{"rollout":"100","stickiness":"userId","groupId":"connector.hubspot"},
            "constraints":%s}]},
         {"name":"connector.example","type":"permission","enabled":%s,"impressionData":false,
          "strategies":[{"name":"flexibleRollout",
            "parameters":{"rollout":"100","stickiness":"userId","groupId":"connector.example"},
            "constraints":[]}]}]}
        """.formatted(enabled, hubspotConstraints, enabled);
  }

  private static Tenant tenant(TenantStatus status) {
    return new Tenant(UUID.randomUUID(), "Dealer", "dealer-" + UUID.randomUUID(), Optional.of("pro"),
        Optional.of("us-east"), status, Instant.parse("2026-11-22T10:00:00Z"), Optional.empty());
  }

  private boolean backupHolds(String text) {
    try {
      Path backup = data.resolve("rollout/unleash-backup.json");
      return Files.exists(backup) && Files.readString(backup).contains(text);
    } catch (IOException e) {
      return false;
    }
  }
}

package io.leadbridge.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import io.leadbridge.storage.Databases;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.TestApps;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A running hub with the real HubSpot plugin whose rollout reads a real Unleash server every
 * second, and a HubSpot simulator for its integrations: what the real-server rollout tests look at
 * through the hub's public API and admin port. Thread-safe once started.
 */
final class HubOnUnleash implements AutoCloseable {

  /** The hub's {@code rollout.refreshInterval}: the shortest the configuration allows. */
  static final Duration REFRESH_INTERVAL = Duration.ofSeconds(1);

  /** How long a change made in Unleash may take to show, generously for a loaded 2-core machine. */
  static final Duration PROPAGATION = Duration.ofSeconds(15);

  private static final String SIMULATOR_TOKEN = "pat-sim-valid-token";

  private final DropwizardAppExtension<LeadbridgeConfiguration> app;
  private final HubSpotSimulator hubspot;
  private final Hub hub;

  private HubOnUnleash(DropwizardAppExtension<LeadbridgeConfiguration> app, HubSpotSimulator hubspot) {
    this.app = app;
    this.hubspot = hubspot;
    this.hub = new Hub(app);
  }

  /** Starts the hub on H2, reading the flags of {@code server} with a client token of its environment. */
  static HubOnUnleash start(URI server, String clientToken, ConfigOverride... extra) throws Exception {
    return start(server, clientToken, TestApps.tempDir(), extra);
  }

  /** As {@link #start(URI, String, ConfigOverride...)}, loading plugins from {@code pluginsDirectory} (HubSpot added). */
  static HubOnUnleash start(URI server, String clientToken, Path pluginsDirectory, ConfigOverride... extra)
      throws Exception {
    HubSpotSimulator hubspot = HubSpotSimulator.builder().token(SIMULATOR_TOKEN).start();
    List<ConfigOverride> overrides = new ArrayList<>(List.of(
        ConfigOverride.config("rollout.serverUrl", server.toString()),
        ConfigOverride.config("rollout.apiToken", clientToken),
        ConfigOverride.config("rollout.refreshInterval", REFRESH_INTERVAL.toSeconds() + " second")));
    overrides.addAll(List.of(extra));
    DropwizardAppExtension<LeadbridgeConfiguration> app =
        TestApps.appWithHubSpot(Db.H2, pluginsDirectory, overrides.toArray(ConfigOverride[]::new));
    try {
      app.before();
    } catch (Exception | Error e) {
      hubspot.close();
      throw e;
    }
    return new HubOnUnleash(app, hubspot);
  }

  Hub hub() {
    return hub;
  }

  /** A new tenant, created through the operator API, with a TENANT_ADMIN key. */
  RolloutTenant newTenant() {
    UUID id = hub.createTenant();
    return new RolloutTenant(id, hub.tenantKey(id, Role.TENANT_ADMIN));
  }

  /**
   * {@code count} active tenants whose ids are fixed by their number, each with a TENANT_ADMIN key
   * issued through the operator API. Unleash buckets a tenant by a hash of its id, so a percentage
   * over random ids is itself random (200 of them miss 25 % ± 8 points about once in 150 runs);
   * over these ids every run measures the same share. Written to the hub's database directly,
   * since the API always draws a random id.
   */
  List<RolloutTenant> tenantsWithFixedIds(int count) {
    List<UUID> ids = IntStream.range(0, count)
        .mapToObj(number -> UUID.nameUUIDFromBytes(("leadbridge-rollout-tenant-" + number).getBytes(StandardCharsets.UTF_8)))
        .toList();
    Jdbi database = Databases.forCommand(app.getConfiguration().database());
    database.useHandle(handle -> {
      PreparedBatch insert = handle.prepareBatch("INSERT INTO tenants (id, name, slug, tier, region, status, created_at)"
          + " VALUES (:id, :name, :slug, 'pro', 'us-east', 'active', :now)");
      ids.forEach(id -> insert.bind("id", id).bind("name", "Dealer " + id).bind("slug", "t-" + id)
          .bind("now", Instant.now()).add());
      insert.execute();
    });
    return ids.stream().map(id -> new RolloutTenant(id, hub.tenantKey(id, Role.TENANT_ADMIN))).toList();
  }

  /** The ids of {@code GET /v1/connectors} for the tenant; anything but 200 fails the test. */
  List<String> connectorIds(RolloutTenant tenant) {
    HttpResponse<String> response = hub.api().get("/v1/connectors", tenant.key());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    Hub.json(response).get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  /** The tenant's connectors once they satisfy {@code expected}, or as they are when {@link #PROPAGATION} is up. */
  List<String> awaitConnectors(RolloutTenant tenant, Predicate<List<String>> expected) throws InterruptedException {
    Instant deadline = Instant.now().plus(PROPAGATION);
    List<String> ids = connectorIds(tenant);
    while (!expected.test(ids) && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      ids = connectorIds(tenant);
    }
    return ids;
  }

  /** {@code POST /v1/integrations/third-party} for HubSpot, pointed at the simulator. */
  HttpResponse<String> createHubSpotIntegration(RolloutTenant tenant) {
    return hub.api().postJson("/v1/integrations/third-party", tenant.key(),
        "{\"connector\":\"hubspot\",\"name\":\"Main CRM\",\"baseUrl\":\"" + hubspot.baseUri()
            + "\",\"settings\":{\"createDeal\":\"false\"},\"credentials\":{\"accessToken\":\"" + SIMULATOR_TOKEN + "\"}}");
  }

  /** The {@code rollout} entry of the admin port's {@code /healthcheck}: healthy and message. */
  JsonNode rolloutHealth() {
    return Hub.json(hub.admin().get("/healthcheck", null)).get("rollout");
  }

  @Override
  public void close() {
    try {
      app.after();
    } finally {
      hubspot.close();
    }
  }

  /** A tenant of this hub and its TENANT_ADMIN key. Immutable. */
  record RolloutTenant(UUID id, String key) {}
}

package io.leadbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeApplication;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.storage.Databases;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.Poll;
import io.leadbridge.testing.TestApps;
import io.leadbridge.testing.TestDatabases;
import io.leadbridge.testing.VendorServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The due list cannot be starved: with 2,000 webhook integrations of 80 tenants on PostgreSQL, 600
 * of them blocked — 300 whose receiver asked for an hour's pause, 300 whose breaker another node
 * opened — and their work due first, every one of the 1,400 others is served within 5 s of its
 * lead coming in (a lead every half second, each to one tenant's 25 integrations); the blocked ones have their next attempt pushed to when they may go instead of
 * filling the due list (which used to show only the 500 longest-waiting integrations). Not
 * thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(value = Db.class, names = "POSTGRES")
@Timeout(600)
class DueListStarvationTest extends HubTest {

  private static final int PER_TENANT = 25;
  private static final int PAUSED_TENANTS = 12;
  private static final int BREAKER_TENANTS = 12;
  private static final int SERVED_TENANTS = 56;
  private static final Duration SERVED_WITHIN = Duration.ofSeconds(5);
  private static final Duration LEAD_EVERY = Duration.ofMillis(500);

  private static final VendorServer RECEIVER = new VendorServer()
      .on("/ok", exchange -> VendorServer.respond(exchange, 200, "{}"));
  private static final VendorServer BUSY_HOST = new VendorServer()
      .on("/busy", exchange -> VendorServer.respond(exchange, 429, "{}", "Retry-After", "3600"));

  /** The hub's database, where the test sets up what another node did: set before the hub starts. */
  private static TestDatabases.Target database;

  @BeforeParameterizedClassInvocation
  static void freshDatabase(Db db) {
    database = TestDatabases.fresh(db);
  }

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.app(
        LeadbridgeApplication.class, "test-app.yml", database,
        ConfigOverride.config("integrations.allowedHosts", "127.0.0.1"),
        ConfigOverride.config("delivery.maxAttempts", "40"));
  }

  @AfterAll
  static void stopReceivers() {
    RECEIVER.close();
    BUSY_HOST.close();
  }

  /** A tenant with {@link #PER_TENANT} webhook integrations posting to {@code url}. */
  private Tenant tenant(String url) {
    UUID tenant = hub().createTenant();
    String admin = hub().tenantKey(tenant, Role.TENANT_ADMIN);
    List<UUID> integrations = new ArrayList<>();
    for (int i = 0; i < PER_TENANT; i++) {
      HttpResponse<String> created = hub().api().postJson("/v1/integrations/internal", admin,
          "{\"name\":\"DMS " + i + "\",\"endpoint\":{\"url\":\"" + url + "\",\"method\":\"POST\",\"timeoutMs\":2000},"
              + "\"auth\":{\"type\":\"none\"},\"signingSecret\":\"sig-" + UUID.randomUUID() + "-" + UUID.randomUUID()
              + "\"}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      integrations.add(UUID.fromString(Hub.json(created).get("id").asText()));
    }
    return new Tenant(tenant, integrations);
  }

  private record Tenant(UUID id, List<UUID> integrations) {}

  /** Tenants with webhook integrations posting to {@code url}, made four at a time. */
  private List<Tenant> tenants(int count, String url) {
    ExecutorService makers = Executors.newFixedThreadPool(4);
    try {
      List<Future<Tenant>> made = IntStream.range(0, count).mapToObj(i -> makers.submit(() -> tenant(url))).toList();
      List<Tenant> tenants = new ArrayList<>();
      for (Future<Tenant> tenant : made) {
        tenants.add(tenant.get());
      }
      return tenants;
    } catch (ExecutionException | InterruptedException e) {
      throw new IllegalStateException("a tenant could not be made", e);
    } finally {
      makers.shutdownNow();
    }
  }

  @Test
  void everyUnblockedIntegrationIsServedWithinSecondsHoweverManyAreBlocked() {
    Jdbi jdbi = Databases.forCommand(database.dataSourceFactory());
    LeadTraffic traffic = new LeadTraffic(hub());
    List<Tenant> paused = tenants(PAUSED_TENANTS, BUSY_HOST.url("/busy").toString());
    List<Tenant> broken = tenants(BREAKER_TENANTS, RECEIVER.url("/ok").toString());
    List<Tenant> served = tenants(SERVED_TENANTS, RECEIVER.url("/ok").toString());
    // Another node's breakers: open on every node for ten minutes.
    Instant now = Instant.now();
    jdbi.useHandle(h -> broken.stream().flatMap(t -> t.integrations().stream()).forEach(id -> h.createUpdate(
        "INSERT INTO delivery_breakers (integration_id, connector_id, opened_at, open_until)"
            + " VALUES (:id, 'webhook', :now, :until)").bind("id", id).bind("now", now)
        .bind("until", now.plus(Duration.ofMinutes(10))).execute()));

    paused.forEach(t -> traffic.send(t.id(), Map.of()));
    broken.forEach(t -> traffic.send(t.id(), Map.of()));
    Poll.until("the blocked integrations' work pushed back", Duration.ofSeconds(60), () -> jdbi.withHandle(h ->
        h.createQuery("SELECT COUNT(*) FROM deliveries WHERE status IN ('pending', 'retrying')"
            + " AND next_attempt_at > :soon").bind("soon", Instant.now().plus(Duration.ofMinutes(5)))
            .mapTo(Integer.class).one()) == (PAUSED_TENANTS + BREAKER_TENANTS) * PER_TENANT);
    // The unblocked tenants' leads come in as traffic does, one every half second, not all at once:
    // what is measured is how soon the dispatcher looks at an integration, not how fast 1,400 calls go.
    for (Tenant tenant : served) {
      traffic.send(tenant.id(), Map.of());
      LeadTraffic.sleep(LEAD_EVERY);
    }
    int servedCount = SERVED_TENANTS * PER_TENANT;
    Poll.until("every unblocked integration served", Duration.ofSeconds(120), () -> jdbi.withHandle(h ->
        h.createQuery("SELECT COUNT(*) FROM deliveries WHERE status = 'delivered'").mapTo(Integer.class).one())
        >= servedCount);

    List<Duration> waits = jdbi.withHandle(h -> h.createQuery(
            "SELECT created_at, delivered_at FROM deliveries WHERE status = 'delivered'")
        .map((rs, ctx) -> Duration.between(rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("delivered_at", OffsetDateTime.class)))
        .list());
    Duration longest = waits.stream().max(Duration::compareTo).orElseThrow();
    Map<String, Integer> blocked = jdbi.withHandle(h -> h.createQuery(
            "SELECT status, COUNT(*) AS n FROM deliveries WHERE status <> 'delivered' GROUP BY status")
        .reduceRows(new HashMap<String, Integer>(), (counts, row) -> {
          counts.put(row.getColumn("status", String.class), row.getColumn("n", Integer.class));
          return counts;
        }));

    assertThat(waits).hasSize(servedCount);
    List<Duration> sorted = waits.stream().sorted().toList();
    assertThat(longest).as("the longest wait of an unblocked integration's delivery (median %s, 90th %s, %d over %s)",
        sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 9 / 10),
        waits.stream().filter(w -> w.compareTo(SERVED_WITHIN) > 0).count(), SERVED_WITHIN)
        .isLessThanOrEqualTo(SERVED_WITHIN);
    assertThat(blocked.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo((PAUSED_TENANTS + BREAKER_TENANTS) * PER_TENANT);
    // Only calls already under way when the first 429 came back (at most the connector's 8 threads,
    // and what the dispatcher claimed in that round) reached the busy host; the rest waited unsent.
    assertThat(BUSY_HOST.received()).hasSizeLessThanOrEqualTo(16);
  }
}

package io.leadbridge.delivery.internal;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.dropwizard.jackson.Jackson;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.Transport;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connectors.BuiltInConnector;
import io.leadbridge.connectors.CallTarget;
import io.leadbridge.connectors.ConnectorsConfiguration;
import io.leadbridge.connectors.FakeBuiltInConnector;
import io.leadbridge.connectors.FakeCredentialSource;
import io.leadbridge.connectors.RecordingRateLimits;
import io.leadbridge.connectors.internal.HubConnectors;
import io.leadbridge.connectors.internal.PluginHost;
import io.leadbridge.delivery.DeliveryConfiguration;
import io.leadbridge.delivery.VendorRateLimiter;
import io.leadbridge.integrations.DeliveryRoute;
import io.leadbridge.integrations.DeliveryRoutes;
import io.leadbridge.integrations.DuplicatePolicy;
import io.leadbridge.integrations.IntegrationKind;
import io.leadbridge.integrations.IntegrationStatus;
import io.leadbridge.leads.LeadQueries;
import io.leadbridge.rollout.FlagAvailability;
import io.leadbridge.rollout.RolloutGate;
import io.leadbridge.simulators.ManualClock;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestApps;
import io.leadbridge.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The delivery engine's parts on an embedded database and a clock the test moves, with fakes
 * around it: routes the test sets, a flag gate that is always on, and one built-in connector
 * {@value #CONNECTOR} that answers as the test says and remembers each batch. One per test; the
 * connector's answer and the routes may be changed from the test thread while calls run.
 */
final class EngineFixture implements AutoCloseable {

  static final String CONNECTOR = "fake-crm";
  static final String LEAD_BODY =
      "{\"customer\":{\"firstName\":\"Dana\",\"lastName\":\"Reyes\",\"emails\":[\"dana@example.com\"]}}";

  final ManualClock clock = new ManualClock(Instant.parse("2026-12-03T12:00:00Z"));
  final Jdbi jdbi = TestDatabases.migrated(Db.H2);
  final UUID tenant = UUID.randomUUID();
  final NodePacing pacing = new NodePacing(Duration.ZERO, clock);
  final VendorRateLimiter limiter = new VendorRateLimiter(pacing, clock);
  final FakeRoutes routes = new FakeRoutes();
  /** Every batch the connector was handed, by integration, in call order. */
  final List<Map.Entry<UUID, List<UUID>>> calls = new CopyOnWriteArrayList<>();
  /** What the connector answers for a batch, given its target; the default delivers everything. */
  volatile BiFunction<CallTarget, List<LeadRecord>, List<DeliveryOutcome>> answer = (target, batch) ->
      batch.stream().map(lead -> (DeliveryOutcome) DeliveryOutcome.created("crm-" + lead.leadId())).toList();
  final EngineParts parts;
  private final PluginHost host;

  /** @param settings the engine's configuration, as YAML/JSON fields of {@code delivery} */
  EngineFixture(String settings) {
    DeliveryConfiguration config = config(settings);
    ConnectorsConfiguration connectors = new ConnectorsConfiguration();
    connectors.setPluginsDirectory(TestApps.tempDir());
    host = new PluginHost(connectors, clock, new MetricRegistry(), new FakeCredentialSource(), new RecordingRateLimits(),
        "test", (action, subject) -> { }, Set.of(CONNECTOR));
    host.start();
    ConnectorDescriptor descriptor = ConnectorDescriptor.builder().id(CONNECTOR).displayName("Fake CRM")
        .vendor("Test").pluginVersion("1.0.0").transport(Transport.HTTP)
        .defaultRateLimit(RateLimitProfile.of(100, Duration.ofSeconds(10))).maxBatchSize(5).build();
    BuiltInConnector crm = new FakeBuiltInConnector(descriptor, (target, batch) -> {
      calls.add(Map.entry(target.integrationId(), batch.stream().map(LeadRecord::leadId).toList()));
      return answer.apply(target, batch);
    });
    HubConnectors registry = new HubConnectors(host, List.of(crm), clock,
        connectors.getMaxCallDuration().toJavaDuration());
    MetricRegistry metrics = new MetricRegistry();
    parts = new EngineParts(config, jdbi, clock, new LeadQueries(jdbi, null), registry, routes, new AlwaysOn(), limiter,
        new IntegrationBreakers(config.getBreaker(), metrics, pacing),
        new CallSlots(config.getThreadsPerConnector(), config.getTenantSharePercent(), config.getCallsPerIntegration()),
        new DeliveryMeters(metrics),
        new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(2)),
        Executors.newSingleThreadScheduledExecutor());
    jdbi.useHandle(h -> h.createUpdate(
            "INSERT INTO tenants (id, name, slug, status, created_at) VALUES (:id, 'Dealer', :slug, 'active', :at)")
        .bind("id", tenant).bind("slug", "t-" + tenant.toString().substring(0, 8)).bind("at", clock.instant()).execute());
  }

  private static DeliveryConfiguration config(String settings) {
    try {
      return Jackson.newObjectMapper().readValue(settings, DeliveryConfiguration.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a delivery configuration: " + settings, e);
    }
  }

  /** A third-party integration of the tenant on the fake connector, paced under {@code account}. */
  UUID integration(String account) {
    UUID id = UUID.randomUUID();
    routes.put(new DeliveryRoute(IntegrationKind.THIRD_PARTY, id, tenant, CONNECTOR, true, IntegrationStatus.ACTIVE,
        Optional.empty(), Map.of(), account, DuplicatePolicy.DELIVER));
    return id;
  }

  /** A lead of the tenant received now, with one pending delivery to {@code integration}; returns the delivery's id. */
  UUID pendingDelivery(UUID integration) {
    UUID lead = UUID.randomUUID();
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbi.useHandle(h -> {
      h.createUpdate("INSERT INTO leads (id, tenant_id, body, received_at, created_at) VALUES (:id, :tenant, :body, :at, :at)")
          .bind("id", lead).bind("tenant", tenant).bind("body", LEAD_BODY).bind("at", now).execute();
      h.createUpdate("INSERT INTO deliveries (id, tenant_id, lead_id, integration_id, integration_kind, connector_id,"
              + " status, attempts, next_attempt_at, created_at, updated_at) VALUES (:id, :tenant, :lead, :integration,"
              + " 'third_party', :connector, 'pending', 0, :at, :at, :at)")
          .bind("id", id).bind("tenant", tenant).bind("lead", lead).bind("integration", integration)
          .bind("connector", CONNECTOR).bind("at", now).execute();
    });
    return id;
  }

  /** The delivery's row: status, attempts, next attempt, error code, hold reason. */
  Map<String, Object> row(UUID delivery) {
    return jdbi.withHandle(h -> h.createQuery("SELECT status, attempts, next_attempt_at, last_error_code, hold_reason"
        + " FROM deliveries WHERE id = :id").bind("id", delivery).mapToMap().one());
  }

  /** The next attempt of the delivery. */
  Instant nextAttempt(UUID delivery) {
    return jdbi.withHandle(h -> h.createQuery("SELECT next_attempt_at FROM deliveries WHERE id = :id")
        .bind("id", delivery).mapTo(Instant.class).one());
  }

  /** The integrations the connector was called for, in call order. */
  List<UUID> calledIntegrations() {
    return calls.stream().map(Map.Entry::getKey).toList();
  }

  @Override
  public void close() throws InterruptedException {
    parts.watchdog().shutdownNow();
    parts.slots().shutdown(1_000);
    host.stop();
  }

  /** Routes the test sets; remembers which integrations the engine paused. */
  static final class FakeRoutes implements DeliveryRoutes {

    private final Map<UUID, DeliveryRoute> routes = new ConcurrentHashMap<>();
    final Map<UUID, String> paused = new ConcurrentHashMap<>();

    void put(DeliveryRoute route) {
      routes.put(route.integrationId(), route);
    }

    void remove(UUID integrationId) {
      routes.remove(integrationId);
    }

    @Override
    public Map<UUID, DeliveryRoute> findAll(IntegrationKind kind, Collection<UUID> integrationIds) {
      Map<UUID, DeliveryRoute> found = new HashMap<>();
      integrationIds.stream().map(routes::get).filter(r -> r != null && r.kind() == kind)
          .forEach(r -> found.put(r.integrationId(), r));
      return found;
    }

    @Override
    public Set<UUID> existing(Collection<UUID> integrationIds) {
      return integrationIds.stream().filter(routes::containsKey).collect(Collectors.toSet());
    }

    @Override
    public void pause(IntegrationKind kind, UUID integrationId, String reason) {
      paused.put(integrationId, reason);
      DeliveryRoute route = routes.get(integrationId);
      routes.put(integrationId, new DeliveryRoute(route.kind(), integrationId, route.tenantId(), route.connectorId(),
          route.enabled(), IntegrationStatus.PAUSED, route.baseUrl(), route.settings(), route.account(),
          route.duplicates()));
    }
  }

  /** Every connector's flag is on for every tenant, and the flag state is fresh. */
  private static final class AlwaysOn implements RolloutGate {

    @Override
    public boolean isEnabled(String connectorId, UUID tenantId) {
      return true;
    }

    @Override
    public boolean isStateFresh() {
      return true;
    }

    @Override
    public Set<String> enabledConnectors(UUID tenantId, Collection<String> connectorIds) {
      return Set.copyOf(connectorIds);
    }

    @Override
    public FlagAvailability availability(String connectorId) {
      return new FlagAvailability("connector." + connectorId, true, "on");
    }
  }
}

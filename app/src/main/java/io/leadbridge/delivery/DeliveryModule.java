package io.leadbridge.delivery;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.Managed;
import io.leadbridge.audit.AuditTrail;
import io.leadbridge.connectors.ConnectorRegistry;
import io.leadbridge.delivery.internal.ActivityCounts;
import io.leadbridge.delivery.internal.Backoff;
import io.leadbridge.delivery.internal.BulkheadChecks;
import io.leadbridge.delivery.internal.CallSlots;
import io.leadbridge.delivery.internal.DeliveryMeters;
import io.leadbridge.delivery.internal.Dispatcher;
import io.leadbridge.delivery.internal.EngineParts;
import io.leadbridge.delivery.internal.IntegrationBreakers;
import io.leadbridge.integrations.CheckRunner;
import io.leadbridge.integrations.DeliveryRoutes;
import io.leadbridge.leads.LeadQueries;
import io.leadbridge.rollout.DeliveryActivity;
import io.leadbridge.rollout.RolloutGate;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * The delivery engine as the application wires it: the dispatcher thread and the connectors'
 * bulkhead threads (started and stopped with the app), and the operators' and tenants' resources.
 * Several nodes may run it on one PostgreSQL; each claims with its own lease tokens. Thread-safe.
 */
public final class DeliveryModule implements Managed {

  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final EngineParts parts;
  private final DeliveryOperations operations;
  private final String nodeId;
  private final ActivityCounts activity;
  private final CheckRunner checks;
  private Dispatcher dispatcher;
  private Thread dispatcherThread;

  /** The parts the engine needs from other modules; immutable. */
  public record Collaborators(
      LeadQueries leads, ConnectorRegistry registry, DeliveryRoutes routes, RolloutGate gate) {}

  public DeliveryModule(DeliveryConfiguration config, Jdbi jdbi, Clock clock, MetricRegistry metrics, AuditTrail audit,
      VendorRateLimiter limiter, Collaborators collaborators) {
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "delivery-watchdog");
      thread.setDaemon(true);
      return thread;
    });
    this.parts = new EngineParts(config, jdbi, clock, collaborators.leads(), collaborators.registry(),
        collaborators.routes(), collaborators.gate(), limiter,
        new IntegrationBreakers(config.getBreaker(), metrics, limiter.pacing()),
        new CallSlots(config.getThreadsPerConnector(), config.getTenantSharePercent(), config.getCallsPerIntegration()),
        new DeliveryMeters(metrics),
        new Backoff(Duration.ofMillis(config.getBackoffBase().toMilliseconds()),
            Duration.ofMillis(config.getBackoffCap().toMilliseconds())),
        watchdog);
    this.operations = new DeliveryOperations(jdbi, audit, clock, collaborators.leads());
    this.activity = new ActivityCounts(jdbi, clock, parts.breakers());
    this.checks = new BulkheadChecks(parts.slots(), limiter, clock,
        Duration.ofMillis(config.getCheckTimeout().toMilliseconds()));
    this.nodeId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Each connector's delivery numbers, for the rollout report; registers their gauges on the admin
   * port for these connectors.
   */
  public DeliveryActivity activity(MetricRegistry metrics, List<String> connectorIds) {
    activity.register(metrics, connectorIds);
    return activity;
  }

  /** Where integration checks run: on the bulkheads, under the rate limit and the check timeout. */
  public CheckRunner checks() {
    return checks;
  }

  /** The operators' and tenants' resources. */
  public List<Object> resources() {
    return List.of(new DeliveriesResource(operations), new ManualQueueResource(operations));
  }

  @Override
  public synchronized void start() {
    if (!parts.config().isWorkersEnabled()) {
      return;
    }
    dispatcher = new Dispatcher(parts, nodeId);
    dispatcherThread = new Thread(dispatcher, "delivery-dispatcher");
    dispatcherThread.setDaemon(true);
    dispatcherThread.start();
  }

  /** Stops claiming, lets running calls finish for a grace period, then interrupts them; unfinished work is reclaimed after its lease. */
  @Override
  public synchronized void stop() throws InterruptedException {
    if (dispatcher != null) {
      dispatcher.stop();
      dispatcherThread.interrupt();
      dispatcherThread.join(STOP_GRACE.toMillis());
    }
    parts.slots().shutdown(STOP_GRACE.toMillis());
    parts.watchdog().shutdownNow();
    parts.watchdog().awaitTermination(1, TimeUnit.SECONDS);
  }
}

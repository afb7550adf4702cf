package io.leadbridge.connectors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.util.Duration;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connectors.CallTarget;
import io.leadbridge.connectors.ConnectorLease;
import io.leadbridge.connectors.ConnectorsConfiguration;
import io.leadbridge.connectors.FakeCredentialSource;
import io.leadbridge.connectors.PluginState;
import io.leadbridge.connectors.RecordingRateLimits;
import io.leadbridge.testing.ConnectorSource;
import io.leadbridge.testing.Leads;
import io.leadbridge.testing.PluginJar;
import io.leadbridge.testing.TestApps;
import io.leadbridge.testing.TestTrust;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The plugin host's lifecycle without the rest of the hub: a missing directory, and stopping with calls in flight. */
class PluginHostTest {

  private static final CallTarget TARGET = CallTarget.of(UUID.randomUUID(), UUID.randomUUID(), Map.of());

  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void dropLatches() {
    release.countDown();
    System.getProperties().remove("waiter.entered");
    System.getProperties().remove("waiter.release");
  }

  @Test
  void aMissingDirectoryMeansNoPluginsAndAHealthyHubUntilItAppears() throws Exception {
    Path directory = TestApps.tempDir().resolve("not-yet");
    PluginHost host = host(directory, Duration.seconds(5));
    host.start();
    try {
      assertThat(host.plugins()).isEmpty();
      HealthCheck.Result health = new PluginsHealthCheck(host).execute();
      assertThat(health.isHealthy()).isTrue();
      assertThat(health.getMessage()).isEqualTo("0 of 0 plugins STARTED, none FAILED");

      Files.createDirectories(directory);
      PluginJar.of(ConnectorSource.connector("late", "1.0.0")).writeTo(directory, "late.jar");

      assertThat(host.reload()).singleElement().satisfies(status -> assertThat(status.state()).isEqualTo(PluginState.STARTED));
    } finally {
      host.stop();
    }
  }

  @Test
  void stoppingWaitsForTheCallsInFlightThenUnloadsEverything() throws Exception {
    PluginHost host = startedWithAWaiter(Duration.seconds(10));
    Future<List<DeliveryOutcome>> call = callInFlight(host);

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(host::stop);
    Thread.sleep(300);
    assertThat(stopping).isNotDone();
    release.countDown();

    assertThat(call.get(10, TimeUnit.SECONDS)).singleElement().isInstanceOf(DeliveryOutcome.Delivered.class);
    stopping.get(10, TimeUnit.SECONDS);
    assertThat(host.plugins()).isEmpty();
    assertThat(host.started("waiter", Instant.now().plusSeconds(5))).isEmpty();
    assertThatThrownBy(host::reload).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void stoppingGivesUpOnCallsAfterTheShutdownTimeoutAndTheyFailRetryably() throws Exception {
    PluginHost host = startedWithAWaiter(Duration.milliseconds(300));
    Future<List<DeliveryOutcome>> call = callInFlight(host);

    long started = System.nanoTime();
    host.stop();
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(5));
    release.countDown();

    assertThat(call.get(10, TimeUnit.SECONDS)).singleElement().isInstanceOf(DeliveryOutcome.Retryable.class);
  }

  private static PluginHost startedWithAWaiter(Duration shutdownTimeout) {
    Path directory = TestApps.tempDir();
    PluginJar.of(waiter()).writeTo(directory, "waiter.jar");
    PluginHost host = host(directory, shutdownTimeout);
    host.start();
    return host;
  }

  private Future<List<DeliveryOutcome>> callInFlight(PluginHost host) throws InterruptedException {
    System.getProperties().put("waiter.entered", entered);
    System.getProperties().put("waiter.release", release);
    ConnectorLease lease = host.started("waiter", Instant.now().plusSeconds(30)).orElseThrow();
    Future<List<DeliveryOutcome>> call = CompletableFuture.supplyAsync(() -> {
      try (lease) {
        return lease.deliver(TARGET, List.of(Leads.lead().build()));
      }
    });
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    return call;
  }

  /** Waits in deliver until the test releases it, then touches a class it has not loaded yet. */
  private static ConnectorSource waiter() {
    return ConnectorSource.connector("waiter", "1.0.0").deliverBody("""
        ((java.util.concurrent.CountDownLatch) System.getProperties().get("waiter.entered")).countDown();
        try {
          ((java.util.concurrent.CountDownLatch) System.getProperties().get("waiter.release")).await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return List.of(DeliveryOutcome.created("waited " + new Receipt()));""")
        .members("static final class Receipt { @Override public String toString() { return \"receipt\"; } }");
  }

  private static PluginHost host(Path directory, Duration shutdownTimeout) {
    ConnectorsConfiguration config = new ConnectorsConfiguration();
    config.setPluginsDirectory(directory);
    config.setShutdownTimeout(shutdownTimeout);
    config.setDrainGrace(Duration.milliseconds(0));
    config.getTrust().setAllowlistFile(TestTrust.allowlistOf(directory));
    return new PluginHost(config, Clock.systemUTC(), new MetricRegistry(), new FakeCredentialSource(),
        new RecordingRateLimits(), "test", (action, subject) -> { }, Set.of());
  }
}

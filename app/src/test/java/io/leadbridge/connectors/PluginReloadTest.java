package io.leadbridge.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeApplication;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connectors.internal.HubConnectors;
import io.leadbridge.connectors.internal.PluginHost;
import io.leadbridge.testing.ConnectorSource;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.Leads;
import io.leadbridge.testing.PluginJar;
import io.leadbridge.testing.TestApps;
import io.leadbridge.testing.VendorServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code POST /v1/plugins/reload} on a running hub: jars dropped in, replaced and removed while
 * calls are in flight. Every test uses plugin ids of its own, so they do not depend on each other.
 * Not thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(value = Db.class, names = "H2")
class PluginReloadTest extends HubTest {

  static final Path PLUGINS = TestApps.tempDir();

  private static final ExecutorService CALLERS = Executors.newCachedThreadPool();

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.appWithPlugins(db, PLUGINS, ConfigOverride.config("connectors.drainGrace", "200 milliseconds"));
  }

  @AfterAll
  static void stopCallers() {
    CALLERS.shutdownNow();
  }

  @Test
  void aDroppedJarAppearsStartedAfterAReload() {
    PluginJar.of(ConnectorSource.connector("fresh", "1.0.0")).writeTo(PLUGINS, "fresh.jar");
    assertThat(find(list(), "fresh.jar")).isNull();

    HttpResponse<String> reload = reload();

    assertThat(reload.statusCode()).isEqualTo(200);
    JsonNode fresh = find(Hub.json(reload).get("items"), "fresh.jar");
    assertThat(fresh.get("state").asText()).isEqualTo("STARTED");
    assertThat(fresh.get("descriptor").get("id").asText()).isEqualTo("fresh");
    assertThat(deliver("fresh")).startsWith("fresh-1.0.0-");
  }

  @Test
  void aReplacedJarRunsItsNewVersionWhileTheCallInFlightFinishesOnTheOldOne() throws Exception {
    CountDownLatch inFlight = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (VendorServer vendor = new VendorServer()) {
      vendor.on("/hold", exchange -> {
        inFlight.countDown();
        release.await(30, TimeUnit.SECONDS);
        VendorServer.respond(exchange, 200, "ok");
      });
      PluginJar.of(calling("swap", "1.0.0")).source("com.example.swap.Receipt", RECEIPT).writeTo(PLUGINS, "swap.jar");
      reload();
      CallTarget target = CallTarget.of(UUID.randomUUID(), UUID.randomUUID(), Map.of()).withBaseUrl(vendor.url(""));
      Future<List<DeliveryOutcome>> oldCall = CALLERS.submit(() -> {
        try (ConnectorLease lease = registry().started("swap", Instant.now().plusSeconds(30)).orElseThrow()) {
          return lease.deliver(target, List.of(Leads.lead().build()));
        }
      });
      assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();

      // Overwritten in place: the old version runs from the host's own copy of the jar.
      PluginJar.of(ConnectorSource.connector("swap", "2.0.0")).overwrite(PLUGINS, "swap.jar");
      JsonNode swapped = find(Hub.json(reload()).get("items"), "swap.jar");

      assertThat(swapped.get("version").asText()).isEqualTo("2.0.0");
      assertThat(swapped.get("state").asText()).isEqualTo("STARTED");
      assertThat(deliver("swap")).startsWith("swap-2.0.0-");
      assertThat(host().draining()).isEqualTo(1);
      assertThat(oldCall.isDone()).isFalse();

      release.countDown();
      assertThat(oldCall.get(10, TimeUnit.SECONDS))
          .containsExactly(DeliveryOutcome.created("receipt from 1.0.0 for status 200"));
      awaitNoDraining();
    }
  }

  @Test
  void aRemovedJarIsGoneAfterAReload() throws IOException {
    PluginJar.of(ConnectorSource.connector("doomed", "1.0.0")).writeTo(PLUGINS, "doomed.jar");
    reload();
    assertThat(registry().started("doomed", soon())).isPresent().get().satisfies(ConnectorLease::close);

    Files.delete(PLUGINS.resolve("doomed.jar"));
    JsonNode items = Hub.json(reload()).get("items");

    assertThat(find(items, "doomed.jar")).isNull();
    assertThat(registry().started("doomed", soon())).isEmpty();
    awaitNoDraining();
  }

  @Test
  void anUnchangedJarIsNotReloadedEvenWhenItsTimestampChanges() throws IOException {
    Path jar = PluginJar.of(ConnectorSource.connector("steady", "1.0.0")).writeTo(PLUGINS, "steady.jar");
    reload();
    ConnectorDescriptor before = descriptor("steady");

    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
    reload();

    assertThat(descriptor("steady")).isSameAs(before);
  }

  @Test
  void disabledTxtStopsAPluginAndRemovingItStartsItAgain() throws IOException {
    PluginJar.of(ConnectorSource.connector("pausable", "1.0.0")).writeTo(PLUGINS, "pausable.jar");
    reload();
    Path disabled = PLUGINS.resolve(PluginHost.DISABLED_FILE);
    try {
      Files.writeString(disabled, "# paused for maintenance\npausable\n");
      JsonNode stopped = find(Hub.json(reload()).get("items"), "pausable.jar");
      assertThat(stopped.get("state").asText()).isEqualTo("STOPPED");
      assertThat(stopped.get("version").asText()).isEqualTo("1.0.0");
      assertThat(stopped.has("cause")).isFalse();
      assertThat(registry().started("pausable", soon())).isEmpty();
    } finally {
      Files.delete(disabled);
    }
    assertThat(find(Hub.json(reload()).get("items"), "pausable.jar").get("state").asText()).isEqualTo("STARTED");
    assertThat(deliver("pausable")).startsWith("pausable-1.0.0-");
  }

  @Test
  void aCallStillRunningWhenItsVersionIsUnloadedFailsRetryably() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // JDK classes are shared with plugins, so the test can hand the plugin its latches this way.
    System.getProperties().put("stubborn.entered", entered);
    System.getProperties().put("stubborn.release", release);
    try {
      ConnectorSource stubborn = ConnectorSource.connector("stubborn", "1.0.0").deliverBody("""
          ((java.util.concurrent.CountDownLatch) System.getProperties().get("stubborn.entered")).countDown();
          try {
            ((java.util.concurrent.CountDownLatch) System.getProperties().get("stubborn.release")).await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return List.of(DeliveryOutcome.created(new Receipt().text("1.0.0", 0)));""");
      PluginJar.of(stubborn).source("com.example.stubborn.Receipt", RECEIPT.replace("com.example.swap", "com.example.stubborn"))
          .writeTo(PLUGINS, "stubborn.jar");
      reload();
      Future<List<DeliveryOutcome>> call = CALLERS.submit(() -> {
        try (ConnectorLease lease = registry().started("stubborn", Instant.now().plusMillis(500)).orElseThrow()) {
          return lease.deliver(CallTarget.of(UUID.randomUUID(), UUID.randomUUID(), Map.of()), List.of(Leads.lead().build()));
        }
      });
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

      Files.delete(PLUGINS.resolve("stubborn.jar"));
      reload();
      awaitNoDraining();
      release.countDown();

      List<DeliveryOutcome> outcomes = call.get(10, TimeUnit.SECONDS);
      assertThat(outcomes).singleElement().isInstanceOfSatisfying(DeliveryOutcome.Retryable.class,
          retry -> assertThat(retry.reason()).contains("stubborn 1.0.0"));
    } finally {
      System.getProperties().remove("stubborn.entered");
      System.getProperties().remove("stubborn.release");
    }
  }

  @Test
  void leasedCallsNeverSeeAGapWhileVersionsAreReplacedOverAndOver() throws Exception {
    PluginJar.of(ConnectorSource.connector("busy", "1.0.0")).writeTo(PLUGINS, "busy.jar");
    reload();
    AtomicBoolean stop = new AtomicBoolean();
    Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
    List<Future<Integer>> callers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      callers.add(CALLERS.submit(() -> {
        int calls = 0;
        while (!stop.get()) {
          try (ConnectorLease lease = registry().started("busy", soon()).orElseThrow()) {
            DeliveryOutcome outcome = lease.deliver(CallTarget.of(UUID.randomUUID(), UUID.randomUUID(), Map.of()),
                List.of(Leads.lead().build())).get(0);
            String remoteId = ((DeliveryOutcome.Delivered) outcome).remoteId();
            versionsSeen.add(remoteId.substring("busy-".length(), remoteId.indexOf('-', "busy-".length())));
            calls++;
          }
        }
        return calls;
      }));
    }
    for (int version = 2; version <= 6; version++) {
      PluginJar.of(ConnectorSource.connector("busy", version + ".0.0")).writeTo(PLUGINS, "busy.jar");
      reload();
    }
    // The callers may not have been scheduled since the last reload (2 shared cores): give them
    // until one call reaches the last version, so that the assertion below tests the registry.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!versionsSeen.contains("6.0.0") && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    stop.set(true);

    int calls = 0;
    for (Future<Integer> caller : callers) {
      calls += caller.get(30, TimeUnit.SECONDS);
    }
    assertThat(calls).isPositive();
    assertThat(versionsSeen).contains("6.0.0").hasSizeGreaterThan(1);
    assertThat(descriptor("busy").pluginVersion()).isEqualTo("6.0.0");
    awaitNoDraining();
  }

  /** A class the plugin loads only when a call ends: after an unload it can no longer be found. */
  private static final String RECEIPT = """
      package com.example.swap;
      public class Receipt {
        public String text(String version, int status) { return "receipt from " + version + " for status " + status; }
      }""";

  /** A connector whose delivery calls its vendor's {@code /hold} and then writes a receipt. */
  private static ConnectorSource calling(String id, String version) {
    return ConnectorSource.connector(id, version).imports("import io.leadbridge.connector.api.http.VendorRequest;")
        .deliverBody("""
            try {
              int status = context.http().send(VendorRequest.get("/hold").build()).status();
              return List.of(DeliveryOutcome.created(new Receipt().text("%s", status)));
            } catch (io.leadbridge.connector.api.http.VendorHttpException e) {
              return List.of(DeliveryOutcome.retryable("vendor unreachable"));
            }""".formatted(version));
  }

  private String deliver(String connectorId) {
    try (ConnectorLease lease = registry().started(connectorId, soon()).orElseThrow()) {
      DeliveryOutcome outcome = lease.deliver(CallTarget.of(UUID.randomUUID(), UUID.randomUUID(), Map.of()),
          List.of(Leads.lead().build())).get(0);
      return ((DeliveryOutcome.Delivered) outcome).remoteId();
    }
  }

  private ConnectorDescriptor descriptor(String connectorId) {
    try (ConnectorLease lease = registry().started(connectorId, soon()).orElseThrow()) {
      return lease.descriptor();
    }
  }

  private ConnectorRegistry registry() {
    return ((LeadbridgeApplication) app().getApplication()).connectors();
  }

  private PluginHost host() {
    return ((HubConnectors) registry()).pluginHost();
  }

  private void awaitNoDraining() {
    awaitUntil(() -> host().draining() == 0, "replaced versions unloaded");
  }

  private static void awaitUntil(java.util.function.BooleanSupplier condition, String what) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(10));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(giveUp)) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static Instant soon() {
    return Instant.now().plusSeconds(30);
  }

  private HttpResponse<String> reload() {
    HttpResponse<String> response = hub().api().send("POST", "/v1/plugins/reload", hub().operatorKey(), null, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }

  private JsonNode list() {
    return Hub.json(hub().api().get("/v1/plugins", hub().operatorKey())).get("items");
  }

  private static JsonNode find(JsonNode items, String file) {
    for (JsonNode item : items) {
      if (item.get("file").asText().equals(file)) {
        return item;
      }
    }
    return null;
  }
}

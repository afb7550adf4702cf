package io.leadbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestApps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failure is contained: one tenant's HubSpot account that never answers leaves every other
 * integration (of other tenants and of the same tenant) its normal throughput and loses none of
 * its own leads, and its breaker opens, keeps calls away, then lets one trial through. Each
 * integration is paced by its vendor's ten-second limit, so the vendor, not the machine, sets the
 * normal throughput and both measurements have the same ceiling. Runs on each database; not
 * thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(Db.class)
@Timeout(150)
class ContainmentTest extends TrafficContract {

  /**
   * A breaker that stays open long enough to watch, and a retry budget that outlasts the hanging
   * vendor (its leads must wait, not die); calls give up after the tests' 5 s.
   */
  private static final ConfigOverride[] DELIVERY = {
      ConfigOverride.config("delivery.maxAttempts", "40"),
      ConfigOverride.config("delivery.breaker.openFor", "3s")};

  private static final Logger LOG = LoggerFactory.getLogger(ContainmentTest.class);
  /**
   * Requests per rolling ten seconds each measured vendor allows: two batches of 100 leads, one per
   * call an integration may have under way (with fewer, a second call claimed at the same moment
   * would wait out a whole window and split the next batch, and the ceiling would wobble).
   */
  private static final int PACED_LIMIT = 2;
  /** More than a window lets through, so the vendor's limit bounds what is delivered in it. */
  private static final int LEADS_PER_RUN = 420;
  /** Ends between the second and the third ten-second round of the vendor's limit. */
  private static final Duration WINDOW = Duration.ofSeconds(16);
  /** Longer than the hub's own ten-second log of sends (the window plus its guard). */
  private static final Duration PACE_LOG = Duration.ofMillis(10_500);
  private static final int HANGING_INTEGRATIONS = 10;
  private static final int OPEN = 2;
  private static final int HALF_OPEN = 1;
  private static final int CLOSED = 0;

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.appWithHubSpot(db, TestApps.tempDir(), DELIVERY);
  }

  private final Map<UUID, List<String>> sent = new LinkedHashMap<>();

  /** One tenant's HubSpot integration whose throughput is measured, paced by its own vendor's limit. */
  private final class Measured {
    final UUID tenant;
    final HubSpotSimulator vendor = vendor(HubSpotSimulator.builder().tenSecondLimit(PACED_LIMIT));
    final List<String> tokens = new ArrayList<>();
    final String integrationId;

    Measured(UUID tenant) {
      this.tenant = tenant;
      tokens.add(vendor.defaultToken());
      this.integrationId = traffic.hubSpot(tenant, vendor, vendor.defaultToken());
    }

    String token() {
      return tokens.get(tokens.size() - 1);
    }

    /** Every lead the hub has not delivered waits, held while the integration is paused. */
    boolean backlogHeld() {
      return traffic.count(tenant, integrationId, "held") + traffic.count(tenant, integrationId, "delivered")
          == sent.get(tenant).size();
    }
  }

  /**
   * What reached one vendor in a window; immutable.
   *
   * @param lastArrival when the last of them arrived, from the start of the window
   */
  private record Window(int delivered, Duration lastArrival) {}

  /**
   * Holds a backlog for every measured integration (their tokens are refused, which pauses them),
   * then gives them all new tokens at once and counts what reaches each vendor in {@link #WINDOW}.
   * Every tenant gets {@link #LEADS_PER_RUN} new leads.
   */
  private Map<Measured, Window> deliveredInWindow(List<Measured> measured) {
    measured.forEach(m -> m.vendor.revokeToken(m.token()));
    CompletableFuture<Void> intake = CompletableFuture.runAsync(
        () -> sent.forEach((tenant, leads) -> leads.addAll(traffic.send(tenant, LEADS_PER_RUN))));
    LeadTraffic.await("every measured integration paused", () -> measured.stream()
        .allMatch(m -> traffic.integrationStatus(m.tenant, m.integrationId).equals("paused")));
    // The refused calls are in the hub's own log of sends; once they have aged out, each run starts alike.
    Instant logClear = Instant.now().plus(PACE_LOG);
    intake.join();
    LeadTraffic.await("every measured backlog held", () -> measured.stream().allMatch(Measured::backlogHeld));
    LeadTraffic.sleepUntil(logClear);
    Map<Measured, Integer> before = new LinkedHashMap<>();
    Map<Measured, Window> seen = new LinkedHashMap<>();
    measured.forEach(m -> before.put(m, m.vendor.contacts().size()));
    measured.forEach(m -> seen.put(m, new Window(0, Duration.ZERO)));
    Instant start = Instant.now();
    for (Measured m : measured) {
      m.tokens.add(m.vendor.newToken());
      traffic.replaceToken(m.tenant, m.integrationId, m.token());
    }
    for (Instant now = Instant.now(); now.isBefore(start.plus(WINDOW)); now = Instant.now()) {
      for (Measured m : measured) {
        int delivered = m.vendor.contacts().size() - before.get(m);
        if (delivered > seen.get(m).delivered()) {
          seen.put(m, new Window(delivered, Duration.between(start, now)));
        }
      }
      LeadTraffic.sleep(Duration.ofMillis(100));
    }
    return seen;
  }

  @Test
  void oneTenantsHangingVendorLeavesEveryOtherIntegrationItsThroughputAndLosesNoneOfItsLeads() {
    UUID hangingTenant = traffic.tenant();
    HubSpotSimulator hanging = vendor(HubSpotSimulator.builder());
    String hangingId = traffic.hubSpot(hangingTenant, hanging, hanging.defaultToken());
    List<Measured> others = List.of(new Measured(traffic.tenant()), new Measured(traffic.tenant()),
        new Measured(hangingTenant));
    others.forEach(m -> sent.put(m.tenant, new ArrayList<>(traffic.send(m.tenant, 1))));
    // The hub learns each vendor's limit from its first answer; until then it may send two calls at once.
    LeadTraffic.await("one lead delivered to each measured integration", () -> others.stream()
        .allMatch(m -> traffic.count(m.tenant, m.integrationId, "delivered") == 1));

    Map<Measured, Window> normal = deliveredInWindow(others);
    hanging.chaos().hangRequests(true);
    Map<Measured, Window> contained = deliveredInWindow(others);
    int hungInWindow = hanging.hungRequestCount();
    hanging.chaos().hangRequests(false);
    hanging.releaseHungRequests();
    List<String> hangingLeads = sent.get(hangingTenant);
    LeadTraffic.await("the hanging vendor's leads delivered once it answers",
        () -> traffic.count(hangingTenant, hangingId, "delivered") == hangingLeads.size());
    LeadTraffic.await("every other backlog delivered", () -> others.stream()
        .allMatch(m -> LeadTraffic.leadIdsAt(m.vendor).containsAll(sent.get(m.tenant))));

    for (Measured m : others) {
      LOG.info("containment: integration {} got {} leads to its vendor in {} s with no vendor hanging (the last"
          + " at {} ms), {} with one hanging (the last at {} ms); at most {} requests in any 10 s (limit {})",
          m.integrationId, normal.get(m).delivered(), WINDOW.toSeconds(), normal.get(m).lastArrival().toMillis(),
          contained.get(m).delivered(), contained.get(m).lastArrival().toMillis(), maxInAnyWindow(m), PACED_LIMIT);
      assertThat(normal.get(m).delivered()).as("the vendor's limit bounds a window")
          .isPositive().isLessThan(LEADS_PER_RUN);
      assertThat(contained.get(m).delivered()).as("integration %s keeps 95 %% of its throughput", m.integrationId)
          .isGreaterThanOrEqualTo((int) Math.ceil(0.95 * normal.get(m).delivered()));
      assertThat(maxInAnyWindow(m)).isLessThanOrEqualTo(PACED_LIMIT);
    }
    assertThat(hungInWindow).as("the vendor was hanging while the others were measured").isPositive();
    assertThat(LeadTraffic.leadIdsAt(hanging)).isEqualTo(new HashSet<>(hangingLeads));
    assertThat(hanging.contacts()).as("each lead once").hasSize(hangingLeads.size());
    assertThat(traffic.count(hangingTenant, hangingId, "dead")).isZero();
  }

  @Test
  void oneTenantWithTenIntegrationsOnAHangingVendorLeavesOtherTenantsTheirThroughput() {
    UUID hangingTenant = traffic.tenant();
    HubSpotSimulator hanging = vendor(HubSpotSimulator.builder());
    List<String> hangingIds = new ArrayList<>();
    for (int i = 0; i < HANGING_INTEGRATIONS; i++) {
      hangingIds.add(traffic.hubSpot(hangingTenant, hanging, hanging.newToken()));
    }
    List<Measured> others = List.of(new Measured(traffic.tenant()), new Measured(traffic.tenant()));
    others.forEach(m -> sent.put(m.tenant, new ArrayList<>(traffic.send(m.tenant, 1))));
    LeadTraffic.await("one lead delivered to each measured integration", () -> others.stream()
        .allMatch(m -> traffic.count(m.tenant, m.integrationId, "delivered") == 1));

    Map<Measured, Window> normal = deliveredInWindow(others);
    hanging.chaos().hangRequests(true);
    List<String> hangingLeads = traffic.send(hangingTenant, 3);
    // Far more calls than the tenant's share want threads: 10 integrations × 2 calls, 4 threads of 8.
    LeadTraffic.await("the hanging tenant's calls under way", () -> hanging.hungRequestCount() >= 4);
    Map<Measured, Window> contained = deliveredInWindow(others);
    hanging.chaos().hangRequests(false);
    hanging.releaseHungRequests();
    LeadTraffic.await("the hanging vendor's leads delivered once it answers", () -> hangingIds.stream()
        .allMatch(id -> traffic.count(hangingTenant, id, "delivered") == hangingLeads.size()));

    for (Measured m : others) {
      LOG.info("fair share: integration {} got {} leads in {} s with no vendor hanging, {} with one tenant's {}"
          + " integrations hanging", m.integrationId, normal.get(m).delivered(), WINDOW.toSeconds(),
          contained.get(m).delivered(), HANGING_INTEGRATIONS);
      assertThat(contained.get(m).delivered()).as("integration %s keeps 90 %% of its throughput", m.integrationId)
          .isGreaterThanOrEqualTo((int) Math.ceil(0.9 * normal.get(m).delivered()));
    }
    assertThat(LeadTraffic.leadIdsAt(hanging)).isEqualTo(new HashSet<>(hangingLeads));
  }

  private static int maxInAnyWindow(Measured m) {
    return m.tokens.stream().mapToInt(m.vendor::maxRequestsInAnyWindow).max().orElse(0);
  }

  @Test
  void aHangingVendorsBreakerOpensKeepsCallsAwayThenLetsOneTrialThrough() {
    HubSpotSimulator vendor = vendor(HubSpotSimulator.builder());
    UUID tenant = traffic.tenant();
    String integrationId = traffic.hubSpot(tenant, vendor, vendor.defaultToken());
    vendor.chaos().hangRequests(true);
    List<String> leads = traffic.send(tenant, 3);

    LeadTraffic.await("the breaker open", () -> traffic.breaker(integrationId) == OPEN);
    // A call that started just before the breaker opened may still be arriving.
    LeadTraffic.sleep(Duration.ofMillis(300));
    long callsWhenOpen = vendor.requestCount();
    Instant watchFrom = Instant.now();
    List<Long> callsWhileOpen = new ArrayList<>();
    while (traffic.breaker(integrationId) == OPEN) {
      callsWhileOpen.add(vendor.requestCount());
      LeadTraffic.sleep(Duration.ofMillis(50));
    }
    Duration watchedOpen = Duration.between(watchFrom, Instant.now());
    int stateAfterOpen = traffic.breaker(integrationId);
    LeadTraffic.await("the trial call", () -> vendor.requestCount() > callsWhenOpen);
    LeadTraffic.sleep(Duration.ofMillis(500));
    long callsInTrial = vendor.requestCount() - callsWhenOpen;
    int stateDuringTrial = traffic.breaker(integrationId);
    LeadTraffic.await("the breaker open again after the failed trial", () -> traffic.breaker(integrationId) == OPEN);
    vendor.chaos().hangRequests(false);
    vendor.releaseHungRequests();
    LeadTraffic.await("the leads delivered once the vendor answers",
        () -> LeadTraffic.leadIdsAt(vendor).containsAll(leads));
    LeadTraffic.await("the breaker closed", () -> traffic.breaker(integrationId) == CLOSED);

    assertThat(watchedOpen).as("open for most of its 3 s").isGreaterThan(Duration.ofSeconds(2));
    assertThat(callsWhileOpen).as("no call while open").containsOnly(callsWhenOpen);
    assertThat(stateAfterOpen).isEqualTo(HALF_OPEN);
    assertThat(stateDuringTrial).as("the trial hangs like the rest").isEqualTo(HALF_OPEN);
    assertThat(callsInTrial).as("one trial call").isEqualTo(1);
  }
}

package io.leadbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import io.leadbridge.testing.HubProcess;
import io.leadbridge.testing.LeadSenders;
import io.leadbridge.testing.Outbox;
import io.leadbridge.testing.Poll;
import io.leadbridge.testing.ProcessHubs;
import io.leadbridge.testing.RunReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three hub processes on one PostgreSQL database deliver two tenants' leads to one HubSpot portal
 * (the rooftops of one dealer group, one private app) that allows 190 requests per rolling 10 s:
 * the nodes share the portal's budget row, so the vendor never sees more than 190 requests in any
 * 10 s and answers none with 429, while together they keep the portal busy at 90 % of its ceiling
 * or more. One lead per call, so the backlog is measured in calls.
 */
@Timeout(900)
class SharedBudgetIT {

  private static final int TEN_SECOND_LIMIT = 190;
  private static final int LEADS = 1_600;
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final Duration VENDOR_LATENCY = Duration.ofMillis(20);
  /** Throughput is the busiest stretch this long, well inside the backlog, against the ceiling. */
  private static final Duration SUSTAINED = Duration.ofSeconds(40);
  private static final Duration WINDOW_AND_A_HALF_SECOND = Duration.ofMillis(10_500);

  @Test
  void threeNodesOnOnePortalKeepItsTenSecondLimitAndUseIt() throws Exception {
    try (HubSpotSimulator vendor = HubSpotSimulator.builder().tenSecondLimit(TEN_SECOND_LIMIT).start();
        ProcessHubs hubs = new ProcessHubs("shared-budget");
        RunReport report = new RunReport(hubs.runDirectory(), "shared budget test")) {
      vendor.chaos().latency(VENDOR_LATENCY);
      Map<String, String> oneLeadPerCall = Map.of("LEADBRIDGE_MAX_BATCH_SIZE", "1");
      List<HubProcess> nodes = new ArrayList<>();
      for (String name : List.of("node-a", "node-b", "node-c")) {
        nodes.add(hubs.node(name, CALL_TIMEOUT, LEASE, oneLeadPerCall).start());
      }
      String token = vendor.newToken();
      List<ProcessHubs.Tenant> tenants = List.of(
          hubs.tenantWithHubSpot(nodes.get(0), vendor, token), hubs.tenantWithHubSpot(nodes.get(1), vendor, token));
      // A check's own calls spend its integration's budget: the portal is what the check finds out. Once
      // they have left the vendor's window, every call is on the portal's shared budget.
      Poll.sleep(WINDOW_AND_A_HALF_SECOND.toMillis());
      List<Long> requestsEachSecond = new ArrayList<>();
      ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
      LeadSenders senders = new LeadSenders(nodes.stream().map(HubProcess::api).toList(), tenants, LEADS);
      try {
        sampler.scheduleAtFixedRate(() -> {
          synchronized (requestsEachSecond) {
            requestsEachSecond.add(vendor.requestCount());
          }
        }, 0, 1, TimeUnit.SECONDS);
        report.sampleEvery(Duration.ofSeconds(5), () -> "vendor requests " + vendor.requestCount() + ", 429s "
            + vendor.rateLimitedCount(token) + ", deliveries " + Outbox.statusCounts(hubs.jdbi()));
        senders.start(6);
        senders.awaitAccepted(Duration.ofMinutes(4));
        senders.stop();
        Outbox.awaitSettled(hubs.jdbi(), Duration.ofMinutes(6));
      } finally {
        senders.stop();
        sampler.shutdownNow();
      }

      double ceiling = TEN_SECOND_LIMIT * SUSTAINED.toSeconds() / 10.0;
      long busiest = busiestStretch(requestsEachSecond, (int) SUSTAINED.toSeconds());
      report.line(vendor.requestCount() + " vendor requests, at most " + vendor.maxRequestsInAnyWindow(token)
          + " in any 10 s (limit " + TEN_SECOND_LIMIT + "), " + vendor.rateLimitedCount(token) + " answered 429; busiest "
          + SUSTAINED.toSeconds() + " s: " + busiest + " requests = " + String.format("%.3f", busiest / ceiling)
          + " of the ceiling; deliveries " + Outbox.statusCounts(hubs.jdbi()));

      assertThat(Outbox.statusCounts(hubs.jdbi())).isEqualTo(Map.of("delivered", LEADS));
      assertThat(vendor.contactUpsertWriteCounts()).hasSize(LEADS);
      assertThat(vendor.maxRequestsInAnyWindow(token)).isLessThanOrEqualTo(TEN_SECOND_LIMIT);
      assertThat(vendor.rateLimitedCount(token)).isZero();
      assertThat(busiest / ceiling).as("share of the portal's ceiling used").isGreaterThanOrEqualTo(0.9);
    }
  }

  private static long busiestStretch(List<Long> cumulative, int seconds) {
    synchronized (cumulative) {
      long best = 0;
      for (int start = 0; start + seconds < cumulative.size(); start++) {
        best = Math.max(best, cumulative.get(start + seconds) - cumulative.get(start));
      }
      return best;
    }
  }
}

package io.leadbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import io.leadbridge.testing.HubProcess;
import io.leadbridge.testing.LeadSenders;
import io.leadbridge.testing.Outbox;
import io.leadbridge.testing.ProcessHubs;
import io.leadbridge.testing.RunReport;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two hub processes on one PostgreSQL database share the work without double delivery: 5,000
 * leads come in through both nodes, both nodes claim and deliver them side by side, and the
 * vendor counts exactly one write per lead id. (The vendor's upsert would hide a second write, so
 * writes are counted by the simulator, not inferred from the contacts.)
 */
@Timeout(600)
class TwoNodesIT {

  private static final int LEADS = 5_000;
  private static final int SENDERS = 6;
  private static final String DELIVERED = "delivery.hubspot.delivered";
  /**
   * Nothing crashes here, so nothing may be sent twice: a lease must not run out under a live call
   * on this shared, busy machine. Generous limits keep a slow round from looking like a dead node.
   */
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration LEASE = Duration.ofSeconds(60);
  /** Calls take a while, so both nodes have calls to the same integration in flight at once. */
  private static final Duration VENDOR_LATENCY = Duration.ofMillis(50);

  @Test
  void twoNodesOnOneDatabaseDeliverEveryLeadExactlyOnce() {
    try (HubSpotSimulator vendor = HubSpotSimulator.builder().tenSecondLimit(100_000).start();
        ProcessHubs hubs = new ProcessHubs("two-nodes");
        RunReport report = new RunReport(hubs.runDirectory(), "two-node test")) {
      vendor.chaos().latency(VENDOR_LATENCY);
      // One after the other: the first migrates the database and creates the shared key file.
      HubProcess first = hubs.node("node-a", CALL_TIMEOUT, LEASE).start();
      HubProcess second = hubs.node("node-b", CALL_TIMEOUT, LEASE).start();
      List<ProcessHubs.Tenant> tenants = List.of(
          hubs.tenantWithHubSpot(first, vendor, vendor.newToken()),
          hubs.tenantWithHubSpot(second, vendor, vendor.newToken()));

      LeadSenders senders = new LeadSenders(List.of(first.api(), second.api()), tenants, LEADS);
      report.sampleEvery(Duration.ofSeconds(2), () -> "accepted " + senders.acceptedCount() + ", deliveries "
          + Outbox.statusCounts(hubs.jdbi()) + ", delivered by node-a " + first.meterCount(DELIVERED) + ", by node-b "
          + second.meterCount(DELIVERED));
      senders.start(SENDERS);
      try {
        senders.awaitAccepted(Duration.ofMinutes(4));
      } finally {
        senders.stop();
      }
      Outbox.awaitSettled(hubs.jdbi(), Duration.ofMinutes(3));

      Set<String> acceptedIds = new HashSet<>(senders.accepted().values());
      Map<String, Integer> writes = vendor.contactUpsertWriteCounts();
      long deliveredByFirst = first.meterCount(DELIVERED);
      long deliveredBySecond = second.meterCount(DELIVERED);
      report.line("node-a delivered " + deliveredByFirst + ", node-b " + deliveredBySecond + "; "
          + writes.values().stream().filter(n -> n > 1).count() + " leads written to the vendor more than once; "
          + senders.unanswered() + " requests unanswered; deliveries by last error "
          + Outbox.countsBy(hubs.jdbi(), "last_error_code") + ", by attempts " + Outbox.countsBy(hubs.jdbi(), "attempts"));

      assertThat(acceptedIds).hasSize(LEADS);
      assertThat(Outbox.leadIds(hubs.jdbi())).isEqualTo(acceptedIds);
      assertThat(Outbox.statusCounts(hubs.jdbi())).isEqualTo(Map.of("delivered", LEADS));
      assertThat(writes.keySet()).as("every lead written to the vendor").isEqualTo(acceptedIds);
      assertThat(writes).as("every lead written exactly once").allSatisfy((id, count) -> assertThat(count).isOne());
      assertThat(vendor.contacts()).hasSize(LEADS);
      assertThat(deliveredByFirst).as("node-a delivered some").isPositive();
      assertThat(deliveredBySecond).as("node-b delivered some").isPositive();
      assertThat(deliveredByFirst + deliveredBySecond).isEqualTo(LEADS);
    }
  }
}

package io.leadbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import io.leadbridge.simulators.hubspot.SimulatedRecord;
import io.leadbridge.testing.HubProcess;
import io.leadbridge.testing.LeadSenders;
import io.leadbridge.testing.Outbox;
import io.leadbridge.testing.Poll;
import io.leadbridge.testing.ProcessHubs;
import io.leadbridge.testing.RunReport;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Crash safety, proven on real processes: a hub JVM on PostgreSQL delivering to the HubSpot
 * simulator is killed with SIGKILL four times while 5,000 leads come in and go out, and started
 * again each time. Afterwards every lead the API accepted is stored once, delivered, and at the
 * vendor exactly once by lead id, and no delivery is left in flight: the leases of the killed
 * processes were reclaimed. A batch a kill cut off is sent again (the vendor's upsert by lead id
 * makes that an update, which is the design's promise for a crash): such writes are counted and
 * reported, and only leads whose delivery the outbox shows as claimed again may have them. The
 * story of the run is in {@code app/target/process-hubs/crash-*}/report.txt.
 */
@Timeout(600)
class CrashSafetyIT {

  private static final int LEADS = 5_000;
  private static final int SENDERS = 6;
  private static final int KILLS = 4;
  /** Short, so a killed hub's claims come back within seconds of its restart. */
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration LEASE = Duration.ofSeconds(5);
  /** Each vendor call takes this long, so that kills find batches in flight at the vendor. */
  private static final Duration VENDOR_LATENCY = Duration.ofMillis(100);

  @Test
  void killedHubsLoseNoLeadAndDeliverEachToTheVendorOnceByLeadId() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    try (HubSpotSimulator vendor = HubSpotSimulator.builder().tenSecondLimit(100_000).start();
        ProcessHubs hubs = new ProcessHubs("crash");
        RunReport report = new RunReport(hubs.runDirectory(), "crash test, seed " + seed)) {
      vendor.chaos().latency(VENDOR_LATENCY);
      HubProcess hub = hubs.node("hub", CALL_TIMEOUT, LEASE).start();
      List<ProcessHubs.Tenant> tenants = List.of(
          hubs.tenantWithHubSpot(hub, vendor, vendor.newToken()),
          hubs.tenantWithHubSpot(hub, vendor, vendor.newToken()));
      LeadSenders senders = new LeadSenders(List.of(hub.api()), tenants, LEADS);
      report.sampleEvery(Duration.ofSeconds(2), () -> "accepted " + senders.acceptedCount() + ", deliveries "
          + Outbox.statusCounts(hubs.jdbi()) + ", vendor writes " + writes(vendor));
      senders.start(SENDERS);
      try {
        for (int kill = 1; kill <= KILLS; kill++) {
          // Kills at 5-15 %, 20-30 %, 35-45 % and 50-60 % of the leads: the rest of the intake
          // overlaps the minute after the last kill in which a cut-off request's key answers 409.
          int threshold = LEADS * (15 * kill - 10 + random.nextInt(11)) / 100;
          Poll.until("lead " + threshold + " accepted", Duration.ofMinutes(3), () -> senders.acceptedCount() >= threshold);
          report.line("kill " + kill + ": " + killWhileDelivering(hub, hubs.jdbi(), senders));
          restart(hub, hubs.jdbi());
          report.line("restarted");
        }
        senders.awaitAccepted(Duration.ofMinutes(4));
      } finally {
        senders.stop();
      }
      Outbox.awaitSettled(hubs.jdbi(), Duration.ofMinutes(3));

      Map<Integer, String> accepted = senders.accepted();
      Set<String> acceptedIds = new HashSet<>(accepted.values());
      Map<String, SimulatedRecord> contacts = vendor.contacts().stream()
          .collect(Collectors.toMap(c -> c.property("leadbridge_lead_id").orElse("none:" + c.id()), c -> c));
      Map<String, Integer> writes = vendor.contactUpsertWriteCounts();
      report.line(KILLS + " kills; " + senders.resentLeads() + " leads resent with their key after a kill ("
          + storedBeforeTheirResend(senders, accepted, Outbox.storedAt(hubs.jdbi())) + " of them had been stored"
          + " by the request the kill cut off), " + senders.unanswered() + " requests unanswered, "
          + senders.inFlightAnswers() + " answers 409 in flight");
      report.line(writes.values().stream().filter(n -> n > 1).count() + " leads written to the vendor more than once; "
          + writes(vendor) + "; deliveries by last error " + Outbox.countsBy(hubs.jdbi(), "last_error_code")
          + ", by attempts " + Outbox.countsBy(hubs.jdbi(), "attempts"));

      assertThat(accepted).hasSize(LEADS);
      assertThat(acceptedIds).as("one lead per idempotency key").hasSize(LEADS);
      assertThat(Outbox.leadIds(hubs.jdbi())).as("every accepted lead is stored, and only those")
          .isEqualTo(acceptedIds);
      assertThat(Outbox.statusCounts(hubs.jdbi())).as("every delivery made").isEqualTo(Map.of("delivered", LEADS));
      assertThat(Outbox.inFlightPastLease(hubs.jdbi())).isZero();
      assertThat(contacts.keySet()).as("one contact per lead id, for every accepted lead").isEqualTo(acceptedIds);
      assertThat(vendor.contacts()).hasSize(LEADS);
      Set<String> writtenAgain = writes.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
          .collect(Collectors.toSet());
      assertThat(Outbox.leadIdsClaimedAgain(hubs.jdbi()))
          .as("a lead reaches the vendor again only when its delivery was claimed again (lease expired, retry)")
          .containsAll(writtenAgain);
      Map<String, String> remoteIds = Outbox.remoteIds(hubs.jdbi());
      assertThat(acceptedIds).allSatisfy(id -> assertThat(remoteIds.get(id)).isEqualTo(contacts.get(id).id()));
    }
  }

  /**
   * Kills the hub as soon as it has deliveries in flight, so that a call to the vendor dies with
   * it; says what was in flight.
   */
  private static String killWhileDelivering(HubProcess hub, Jdbi jdbi, LeadSenders senders) {
    Instant deadline = Instant.now().plusSeconds(20);
    int inFlight = Outbox.inFlight(jdbi);
    while (inFlight == 0 && Instant.now().isBefore(deadline)) {
      inFlight = Outbox.inFlight(jdbi);
    }
    int acceptedBefore = senders.acceptedCount();
    hub.kill();
    return "after " + acceptedBefore + " leads accepted, " + inFlight + " deliveries in flight";
  }

  /** Starts the killed hub again and checks that the dead process's claims come back. */
  private static void restart(HubProcess hub, Jdbi jdbi) {
    hub.start();
    Poll.until("the killed hub's expired leases reclaimed", Duration.ofSeconds(60),
        () -> Outbox.inFlightPastLease(jdbi) == 0);
  }

  private static String writes(HubSpotSimulator vendor) {
    Map<String, Integer> writes = vendor.contactUpsertWriteCounts();
    return writes.values().stream().mapToInt(Integer::intValue).sum() + " for " + writes.size() + " leads";
  }

  /** Resent leads that the hub had stored before the resend that got its answer: the kill cut off the answer only. */
  private static long storedBeforeTheirResend(LeadSenders senders, Map<Integer, String> accepted,
      Map<String, Instant> storedAt) {
    return senders.answeredResendStarts().entrySet().stream()
        .filter(e -> storedAt.get(accepted.get(e.getKey())).isBefore(e.getValue()))
        .count();
  }
}

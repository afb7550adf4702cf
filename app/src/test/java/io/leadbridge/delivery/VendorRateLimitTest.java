package io.leadbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestApps;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub sends no more than the vendor allows: it keeps under HubSpot's ten-second limit while
 * leads pour in, waits out a {@code Retry-After} before it calls again, and once the day's quota
 * is spent it stops calling until the vendor's midnight while the deliveries wait (none dead). Runs
 * on each database; not thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(Db.class)
@Timeout(120)
class VendorRateLimitTest extends TrafficContract {

  private static final Logger LOG = LoggerFactory.getLogger(VendorRateLimitTest.class);
  private static final int TEN_SECOND_LIMIT = 10;
  private static final Duration POURING = Duration.ofSeconds(22);
  private static final Duration WATCH = Duration.ofSeconds(3);

  private UUID tenant;

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.appWithHubSpot(db, TestApps.tempDir());
  }

  @BeforeEach
  void tenant() {
    tenant = traffic.tenant();
  }

  private JsonNode delivery(String leadId, String integrationId) {
    return traffic.delivery(tenant, leadId, integrationId);
  }

  /**
   * The tenant's integration on the vendor's token, after another system sharing the token has
   * made {@code spent} calls with it.
   */
  private String integrationAfterNeighbour(HubSpotSimulator vendor, int spent) {
    String integrationId = traffic.hubSpot(tenant, vendor, vendor.defaultToken());
    LeadTraffic.neighbourCalls(vendor, vendor.defaultToken(), spent);
    return integrationId;
  }

  /** Sends one lead and waits until its delivery's field has the value. */
  private String sendAndAwait(String integrationId, String field, String value) {
    String lead = traffic.send(tenant, Map.of());
    LeadTraffic.await("the lead's delivery with " + field + " " + value,
        () -> value.equals(delivery(lead, integrationId).path(field).asText()));
    return lead;
  }

  @Test
  void leadsPouringInNeverMakeTheHubExceedTheTenSecondLimit() {
    HubSpotSimulator vendor = vendor(HubSpotSimulator.builder().tenSecondLimit(TEN_SECOND_LIMIT));
    String token = vendor.defaultToken();
    String integrationId = traffic.hubSpot(tenant, vendor, token);
    List<String> leads = new ArrayList<>();

    Instant end = Instant.now().plus(POURING);
    while (Instant.now().isBefore(end)) {
      leads.add(traffic.send(tenant, Map.of()));
      LeadTraffic.sleep(Duration.ofMillis(20));
    }
    LeadTraffic.await("every lead at the vendor", () -> LeadTraffic.leadIdsAt(vendor).containsAll(leads));

    LOG.info("rate limit: {} leads in {} requests, at most {} requests in any 10 s (limit {}), {} answered 429",
        leads.size(), vendor.requestCount(), vendor.maxRequestsInAnyWindow(token), TEN_SECOND_LIMIT,
        vendor.rateLimitedCount(token));
    assertThat(vendor.maxRequestsInAnyWindow(token)).isLessThanOrEqualTo(TEN_SECOND_LIMIT);
    assertThat(vendor.rateLimitedCount(token)).isZero();
    assertThat(vendor.requestCount()).as("the limit paced the hub over several windows")
        .isGreaterThan(2L * TEN_SECOND_LIMIT);
    assertThat(traffic.count(tenant, integrationId, "dead")).isZero();
  }

  @Test
  void afterA429WithRetryAfterTheHubWaitsAsToldBeforeItCallsAgain() {
    HubSpotSimulator vendor = vendor(HubSpotSimulator.builder().tenSecondLimit(3));
    String token = vendor.defaultToken();
    String integrationId = integrationAfterNeighbour(vendor, 3);

    String first = sendAndAwait(integrationId, "lastErrorCode", "rate_limited");
    JsonNode waiting = delivery(first, integrationId);
    List<String> leads = new ArrayList<>(traffic.send(tenant, 2));
    leads.add(first);
    LeadTraffic.await("every lead at the vendor", () -> LeadTraffic.leadIdsAt(vendor).containsAll(leads));

    assertThat(waiting.get("status").asText()).isEqualTo("retrying");
    assertThat(waiting.get("attempts").asInt()).as("a rate limit uses no attempt").isZero();
    assertThat(vendor.rateLimitedCount(token)).as("one 429, then the hub waited").isEqualTo(1);
    assertThat(vendor.requestsBeforeRetryAfter(token)).isZero();
    assertThat(vendor.maxRequestsInAnyWindow(token)).as("its own calls and the neighbour's").isLessThanOrEqualTo(4);
  }

  @Test
  void aDailyQuotaSpentElsewhereStopsTheCallsAfterOne429AndTheDeliveriesWaitForTheVendorsMidnight() {
    HubSpotSimulator vendor = vendor(HubSpotSimulator.builder().dailyLimit(2));
    String token = vendor.defaultToken();
    String integrationId = integrationAfterNeighbour(vendor, 2);

    String first = sendAndAwait(integrationId, "lastErrorCode", "rate_limited");
    List<String> later = traffic.send(tenant, 3);
    LeadTraffic.sleep(WATCH);

    JsonNode waiting = delivery(first, integrationId);
    Instant midnight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    assertThat(waiting.get("status").asText()).isEqualTo("retrying");
    assertThat(waiting.get("attempts").asInt()).isZero();
    assertThat(Instant.parse(waiting.get("nextAttemptAt").asText())).as("waits for the vendor's new day")
        .isAfter(midnight.minusSeconds(60));
    assertThat(later).allSatisfy(id -> assertThat(delivery(id, integrationId).get("status").asText())
        .isIn("pending", "retrying"));
    assertThat(vendor.requestCount()).as("the neighbour's two calls and the hub's one").isEqualTo(3);
    assertThat(vendor.rateLimitedCount(token)).isEqualTo(1);
    assertThat(vendor.dailyUsage(token)).isEqualTo(2);
    assertThat(traffic.count(tenant, integrationId, "dead")).isZero();
  }

  @Test
  void theHubReadsTheDailyQuotaFromTheVendorsHeadersAndStopsAtItWithoutA429() {
    HubSpotSimulator vendor = vendor(HubSpotSimulator.builder().dailyLimit(3));
    String token = vendor.defaultToken();
    String integrationId = integrationAfterNeighbour(vendor, 2);

    sendAndAwait(integrationId, "status", "delivered");
    List<String> later = traffic.send(tenant, 3);
    LeadTraffic.sleep(WATCH);

    assertThat(later).allSatisfy(id -> assertThat(delivery(id, integrationId).get("status").asText())
        .isIn("pending", "retrying"));
    assertThat(vendor.requestCount()).isEqualTo(3);
    assertThat(vendor.rateLimitedCount(token)).isZero();
    assertThat(vendor.dailyUsage(token)).isEqualTo(3);
    assertThat(traffic.count(tenant, integrationId, "dead")).isZero();
  }
}

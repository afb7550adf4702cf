package io.leadbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import io.leadbridge.simulators.hubspot.SimulatedRecord;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.TestApps;
import io.leadbridge.testing.VendorServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The delivery engine end to end, on a hub running the real HubSpot plugin against its simulator:
 * leads reach the vendor once each, refused credentials pause the integration and hold its work
 * until new ones come, failing vendors lead to dead letters that operators replay or move to the
 * tenant's manual queue (JSON, CSV, acknowledge), and a disabled integration holds its work. Runs
 * on each database; not thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(Db.class)
@Timeout(120)
class DeliveryTest extends HubTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String TOKEN = "pat-sim-delivery-token";

  private final List<HubSpotSimulator> simulators = new ArrayList<>();

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.appWithHubSpot(db, TestApps.tempDir());
  }

  @AfterEach
  void stopSimulators() {
    simulators.forEach(HubSpotSimulator::close);
  }

  private HubSpotSimulator simulator() {
    HubSpotSimulator simulator = HubSpotSimulator.builder().token(TOKEN).start();
    simulators.add(simulator);
    return simulator;
  }

  private String admin(UUID tenant) {
    return hub().tenantKey(tenant, Role.TENANT_ADMIN);
  }

  private String integration(UUID tenant, HubSpotSimulator vendor, String token) {
    HttpResponse<String> created = hub().api().postJson("/v1/integrations/third-party", admin(tenant),
        "{\"connector\":\"hubspot\",\"name\":\"CRM\",\"baseUrl\":\"" + vendor.baseUri()
            + "\",\"credentials\":{\"accessToken\":\"" + token + "\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Hub.json(created).get("id").asText();
  }

  private List<String> sendLeads(UUID tenant, int count) {
    String key = hub().tenantKey(tenant, Role.TENANT_WRITER);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String body = "{\"externalId\":\"form-" + i + "\",\"customer\":{\"firstName\":\"Dana\",\"lastName\":\"Reyes" + i
          + "\",\"emails\":[\"dana" + i + "-" + UUID.randomUUID() + "@example.com\"]},"
          + "\"vehicles\":[{\"year\":2021,\"make\":\"Honda\",\"model\":\"Accord\"}]}";
      HttpRequest request = HttpRequest.newBuilder(hub().api().uri("/v1/leads"))
          .header("Authorization", "Bearer " + key)
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", UUID.randomUUID().toString())
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
      HttpResponse<String> accepted = hub().api().send(request);
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      ids.add(Hub.json(accepted).get("id").asText());
    }
    return ids;
  }

  private JsonNode delivery(UUID tenant, String leadId) {
    return Hub.json(hub().api().get("/v1/leads/" + leadId, admin(tenant))).get("deliveries").get(0);
  }

  private void awaitStatus(UUID tenant, List<String> leadIds, String status) {
    awaitTrue("every delivery " + status, () -> leadIds.stream()
        .allMatch(id -> delivery(tenant, id).get("status").asText().equals(status)));
  }

  private static void awaitTrue(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waited for: " + what).isBefore(deadline);
      sleep(100);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> leadIdsAt(HubSpotSimulator vendor) {
    return vendor.contacts().stream().map(c -> c.property("leadbridge_lead_id").orElse(""))
        .filter(Predicate.not(String::isEmpty)).collect(Collectors.toSet());
  }

  @Test
  void everyLeadReachesTheVendorOnceAndShowsDeliveredWithItsRemoteId() {
    HubSpotSimulator vendor = simulator();
    UUID tenant = hub().createTenant();
    integration(tenant, vendor, TOKEN);

    List<String> leads = sendLeads(tenant, 25);
    awaitStatus(tenant, leads, "delivered");

    assertThat(leadIdsAt(vendor)).containsExactlyInAnyOrderElementsOf(leads);
    assertThat(vendor.contacts()).hasSize(25);
    JsonNode delivered = delivery(tenant, leads.get(0));
    assertThat(delivered.get("attempts").asInt()).isEqualTo(1);
    SimulatedRecord contact = vendor.contactByProperty("leadbridge_lead_id", leads.get(0)).orElseThrow();
    assertThat(delivered.get("remoteId").asText()).isEqualTo(contact.id());
    awaitTrue("the rollout report counts the deliveries", () -> hubspotRollout().get("deliveries")
        .get("deliveredLastHour").asLong() >= 25);
    JsonNode rollout = hubspotRollout();
    assertThat(rollout.get("flag").asText()).isEqualTo("connector.hubspot");
    assertThat(rollout.get("tenantsEnabled").asInt()).isPositive().isEqualTo(rollout.get("tenantsTotal").asInt());
    JsonNode metrics = Hub.json(hub().admin().get("/metrics", null));
    assertThat(metrics.get("meters").get("delivery.hubspot.delivered").get("count").asLong()).isGreaterThanOrEqualTo(25);
    assertThat(metrics.get("timers").has("delivery.hubspot.latency")).isTrue();
    assertThat(metrics.get("gauges").get("delivery.hubspot.last_hour.delivered").get("value").asLong())
        .isGreaterThanOrEqualTo(25);
  }

  private JsonNode hubspotRollout() {
    for (JsonNode line : Hub.json(hub().api().get("/v1/rollout", hub().operatorKey())).get("items")) {
      if (line.get("connector").asText().equals("hubspot")) {
        return line;
      }
    }
    throw new AssertionError("no hubspot line in /v1/rollout");
  }

  @Test
  void refusedCredentialsPauseTheIntegrationHoldItsLeadsAndNewCredentialsReleaseThem() {
    HubSpotSimulator vendor = simulator();
    String revoked = vendor.newToken();
    vendor.revokeToken(revoked);
    UUID tenant = hub().createTenant();
    String integrationId = integration(tenant, vendor, revoked);

    List<String> leads = sendLeads(tenant, 3);
    awaitStatus(tenant, leads, "held");
    JsonNode paused = Hub.json(hub().api().get("/v1/integrations/third-party/" + integrationId, admin(tenant)));
    HttpResponse<String> replaced = hub().api().send("PUT", "/v1/integrations/third-party/" + integrationId
        + "/credentials", admin(tenant), "application/json", "{\"accessToken\":\"" + TOKEN + "\"}");
    awaitStatus(tenant, leads, "delivered");

    assertThat(paused.get("status").asText()).isEqualTo("paused");
    assertThat(paused.toString()).doesNotContain(revoked);
    assertThat(replaced.statusCode()).isEqualTo(204);
    assertThat(leadIdsAt(vendor)).containsExactlyInAnyOrderElementsOf(leads);
    JsonNode active = Hub.json(hub().api().get("/v1/integrations/third-party/" + integrationId, admin(tenant)));
    assertThat(active.get("status").asText()).isEqualTo("active");
  }

  @Test
  void theTenantSeesWhyItsDeliveryIsHeldAndTheManualQueueKeepsThatReason() {
    HubSpotSimulator vendor = simulator();
    String revoked = vendor.newToken();
    vendor.revokeToken(revoked);
    UUID tenant = hub().createTenant();
    String integrationId = integration(tenant, vendor, revoked);
    List<String> leads = sendLeads(tenant, 1);
    awaitStatus(tenant, leads, "held");

    JsonNode held = delivery(tenant, leads.get(0));
    String move = "/v1/deliveries/held/move-to-manual-queue";
    HttpResponse<String> otherReason = hub().api().postJson(move, hub().operatorKey(),
        "{\"tenantId\":\"" + tenant + "\",\"reason\":\"connector_not_enabled\"}");
    HttpResponse<String> otherIntegration = hub().api().postJson(move, hub().operatorKey(),
        "{\"tenantId\":\"" + tenant + "\",\"integrationId\":\"" + UUID.randomUUID() + "\"}");
    HttpResponse<String> unknownReason = hub().api().postJson(move, hub().operatorKey(),
        "{\"tenantId\":\"" + tenant + "\",\"reason\":\"bored\"}");
    HttpResponse<String> moved = hub().api().postJson(move, hub().operatorKey(), "{\"tenantId\":\"" + tenant
        + "\",\"integrationId\":\"" + integrationId + "\",\"reason\":\"integration_paused\"}");
    JsonNode entry = Hub.json(hub().api().get("/v1/manual-queue", admin(tenant))).get("items").get(0);
    HttpResponse<String> csv = hub().api().send(HttpRequest.newBuilder(hub().api().uri("/v1/manual-queue"))
        .header("Authorization", "Bearer " + admin(tenant)).header("Accept", "text/csv").GET().build());

    assertThat(held.get("holdReason").asText()).isEqualTo("integration_paused");
    assertThat(held.get("lastErrorCode").asText()).isEqualTo("auth_failed");
    assertThat(held.get("lastErrorMessage").asText()).isNotBlank();
    assertThat(held.toString()).doesNotContain(revoked);
    assertThat(Hub.json(otherReason).get("moved").asInt()).isZero();
    assertThat(Hub.json(otherIntegration).get("moved").asInt()).isZero();
    assertThat(unknownReason.statusCode()).isEqualTo(422);
    assertThat(Hub.json(moved).get("moved").asInt()).isEqualTo(1);
    assertThat(entry.get("reasonCode").asText()).isEqualTo("integration_paused");
    assertThat(entry.get("reasonMessage").asText()).contains("paused").contains("credentials");
    assertThat(csv.body()).contains(",integration_paused,");
    assertThat(delivery(tenant, leads.get(0)).get("status").asText()).isEqualTo("manual");
  }

  @Test
  void aVendorThatKeepsFailingMakesDeadLettersThatOperatorsReplayOnceItRecovers() {
    HubSpotSimulator vendor = simulator();
    vendor.chaos().failWithProbability(1.0).failureStatuses(502);
    UUID tenant = hub().createTenant();
    integration(tenant, vendor, TOKEN);

    List<String> leads = sendLeads(tenant, 2);
    awaitStatus(tenant, leads, "dead");
    JsonNode dead = Hub.json(hub().api().get("/v1/deliveries?status=dead&tenantId=" + tenant, hub().operatorKey()));
    vendor.chaos().reset();
    String deliveryId = delivery(tenant, leads.get(0)).get("id").asText();
    HttpResponse<String> replayed = hub().api().postJson("/v1/deliveries/" + deliveryId + "/replay",
        hub().operatorKey(), "");
    HttpResponse<String> replayedTwice = hub().api().postJson("/v1/deliveries/" + deliveryId + "/replay",
        hub().operatorKey(), "");
    awaitStatus(tenant, leads.subList(0, 1), "delivered");

    assertThat(dead.get("items")).hasSize(2);
    assertThat(dead.get("items").get(0).get("lastErrorCode").asText()).isEqualTo("retries_exhausted");
    assertThat(dead.get("items").get(0).get("attempts").asInt()).isEqualTo(8);
    assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(202);
    assertThat(replayedTwice.statusCode()).isIn(202, 409);
    assertThat(leadIdsAt(vendor)).containsExactly(leads.get(0));
    assertThat(delivery(tenant, leads.get(1)).get("status").asText()).isEqualTo("dead");
  }

  @Test
  void operatorsMoveDeadWorkToTheTenantsManualQueueWhichExportsCsvAndAcknowledges() {
    HubSpotSimulator vendor = simulator();
    vendor.chaos().failWithProbability(1.0);
    UUID tenant = hub().createTenant();
    integration(tenant, vendor, TOKEN);
    List<String> leads = sendLeads(tenant, 1);
    awaitStatus(tenant, leads, "dead");
    String deliveryId = delivery(tenant, leads.get(0)).get("id").asText();

    HttpResponse<String> moved = hub().api().postJson("/v1/deliveries/" + deliveryId + "/move-to-manual-queue",
        hub().operatorKey(), "");
    JsonNode queue = Hub.json(hub().api().get("/v1/manual-queue", admin(tenant)));
    HttpResponse<String> csv = hub().api().send(HttpRequest.newBuilder(hub().api().uri("/v1/manual-queue"))
        .header("Authorization", "Bearer " + admin(tenant)).header("Accept", "text/csv").GET().build());
    JsonNode otherTenantsQueue = Hub.json(hub().api().get("/v1/manual-queue", admin(hub().createTenant())));
    HttpResponse<String> ackByOther = hub().api().postJson("/v1/manual-queue/" + deliveryId + "/ack",
        admin(hub().createTenant()), "");
    HttpResponse<String> ack = hub().api().postJson("/v1/manual-queue/" + deliveryId + "/ack", admin(tenant), "");
    HttpResponse<String> ackAgain = hub().api().postJson("/v1/manual-queue/" + deliveryId + "/ack", admin(tenant), "");
    JsonNode after = Hub.json(hub().api().get("/v1/manual-queue", admin(tenant)));

    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    assertThat(queue.get("items")).hasSize(1);
    assertThat(queue.get("items").get(0).get("deliveryId").asText()).isEqualTo(deliveryId);
    assertThat(queue.get("items").get(0).get("lead").get("customer").get("lastName").asText()).isEqualTo("Reyes0");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.body().split("\r\n")).hasSize(2);
    assertThat(csv.body()).startsWith("delivery_id,lead_id,external_id").contains(deliveryId).contains("Reyes0")
        .contains("2021 Honda Accord");
    assertThat(otherTenantsQueue.get("items")).isEmpty();
    assertThat(ackByOther.statusCode()).isEqualTo(404);
    assertThat(ack.statusCode()).isEqualTo(204);
    assertThat(ackAgain.statusCode()).isEqualTo(204);
    assertThat(after.get("items")).isEmpty();
  }

  @Test
  void aDisabledIntegrationGetsNoDeliveriesAndItsVendorNoCalls() {
    HubSpotSimulator vendor = simulator();
    UUID tenant = hub().createTenant();
    String integrationId = integration(tenant, vendor, TOKEN);
    hub().api().send("PATCH", "/v1/integrations/third-party/" + integrationId, admin(tenant), "application/json",
        "{\"enabled\":false}");

    List<String> leads = sendLeads(tenant, 3);
    sleep(500);

    assertThat(leads).allSatisfy(id -> assertThat(
        Hub.json(hub().api().get("/v1/leads/" + id, admin(tenant))).get("deliveries")).isEmpty());
    assertThat(vendor.requestCount()).isZero();
  }

  @Test
  void aLeadReachesTheTenantsOwnSystemSignedAndMappedThroughAnInternalIntegration() {
    try (VendorServer receiver = new VendorServer().on("/leads", exchange -> VendorServer.respond(exchange, 200,
        "{\"id\":\"dms-1\"}"))) {
      UUID tenant = hub().createTenant();
      HttpResponse<String> created = hub().api().postJson("/v1/integrations/internal", admin(tenant),
          "{\"name\":\"DMS\",\"endpoint\":{\"url\":\"" + receiver.url("/leads") + "\",\"method\":\"POST\","
              + "\"timeoutMs\":2000},\"auth\":{\"type\":\"none\"},\"signingSecret\":\"sig-" + UUID.randomUUID()
              + "-" + UUID.randomUUID() + "\",\"fieldMappings\":[{\"source\":\"customer.lastName\","
              + "\"target\":\"contact.last\"}]}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

      List<String> leads = sendLeads(tenant, 2);
      awaitStatus(tenant, leads, "delivered");

      assertThat(receiver.received()).hasSize(2);
      assertThat(receiver.received()).allSatisfy(request -> {
        assertThat(request.header("X-Leadbridge-Signature")).matches("t=[0-9]+,v1=[0-9a-f]{64}");
        assertThat(request.body()).contains("\"contact\":{\"last\":\"Reyes");
      });
      assertThat(receiver.received().stream().map(r -> r.header("Idempotency-Key")).toList())
          .containsExactlyInAnyOrderElementsOf(leads);
      assertThat(delivery(tenant, leads.get(0)).get("remoteId").asText()).isEqualTo("dms-1");
    }
  }

  @Test
  void aRemovedIntegrationsWaitingLeadsGoToTheManualQueueAndItsBreakerAndMetricsAreForgotten() {
    HubSpotSimulator vendor = simulator();
    UUID tenant = hub().createTenant();
    String integrationId = integration(tenant, vendor, TOKEN);
    awaitStatus(tenant, sendLeads(tenant, 1), "delivered");
    String breaker = "delivery.hubspot.integration." + integrationId + ".breaker";
    assertThat(metricNames()).contains(breaker);
    vendor.revokeToken(TOKEN);
    List<String> waiting = sendLeads(tenant, 1);
    awaitStatus(tenant, waiting, "held");

    assertThat(hub().api().delete("/v1/integrations/third-party/" + integrationId, admin(tenant)).statusCode())
        .isEqualTo(204);

    awaitStatus(tenant, waiting, "manual");
    assertThat(delivery(tenant, waiting.get(0)).get("lastErrorCode").asText()).isEqualTo("integration_removed");
    awaitTrue("the removed integration's series gone", () -> metricNames().stream()
        .noneMatch(name -> name.contains(integrationId)));
  }

  @Test
  void aRemovedIntegrationWithNothingWaitingIsForgottenToo() {
    HubSpotSimulator vendor = simulator();
    UUID tenant = hub().createTenant();
    String integrationId = integration(tenant, vendor, TOKEN);
    awaitStatus(tenant, sendLeads(tenant, 1), "delivered");
    assertThat(metricNames()).anyMatch(name -> name.contains(integrationId));

    assertThat(hub().api().delete("/v1/integrations/third-party/" + integrationId, admin(tenant)).statusCode())
        .isEqualTo(204);

    awaitTrue("the removed integration's series gone (swept every 10 s)", () -> metricNames().stream()
        .noneMatch(name -> name.contains(integrationId)));
  }

  private Set<String> metricNames() {
    JsonNode metrics = Hub.json(hub().admin().get("/metrics", null));
    Set<String> names = new TreeSet<>();
    for (String kind : List.of("gauges", "meters", "timers")) {
      metrics.path(kind).fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  @Test
  void operatorListsRejectBadFiltersAndUnknownDeliveries() {
    HttpResponse<String> badStatus = hub().api().get("/v1/deliveries?status=lost", hub().operatorKey());
    HttpResponse<String> badTenant = hub().api().get("/v1/deliveries?tenantId=nope", hub().operatorKey());
    HttpResponse<String> unknown = hub().api().postJson("/v1/deliveries/" + UUID.randomUUID() + "/replay",
        hub().operatorKey(), "");
    HttpResponse<String> moveHeld = hub().api().postJson("/v1/deliveries/held/move-to-manual-queue",
        hub().operatorKey(), "{\"tenantId\":\"" + hub().createTenant() + "\",\"connector\":\"hubspot\"}");

    assertThat(badStatus.statusCode()).isEqualTo(400);
    assertThat(badStatus.body()).contains("status");
    assertThat(badTenant.statusCode()).isEqualTo(400);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Hub.json(moveHeld).get("moved").asInt()).isZero();
  }
}

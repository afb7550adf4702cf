package io.leadbridge.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.delivery.IntakeOutbox;
import io.leadbridge.integrations.EnabledIntegrations;
import io.leadbridge.leads.internal.CanonicalJson;
import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import io.leadbridge.storage.Databases;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.RawHttp;
import io.leadbridge.testing.TestApps;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lead intake through the API on a hub running the real HubSpot plugin: deliveries queued for
 * enabled integrations only, per-tenant idempotency (replay, reuse, in flight, 50 racing requests),
 * reads with paging, and tenant isolation. Bad bodies: {@link BadLeads}. Runs on each database; not
 * thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(Db.class)
class LeadsTest extends HubTest {

  static final HubSpotSimulator HUBSPOT = HubSpotSimulator.builder().token("pat-sim-valid-token").start();
  static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.appWithHubSpot(db, TestApps.tempDir(),
        // An intake-only node: these tests read deliveries as intake left them.
        ConfigOverride.config("delivery.workersEnabled", "false"));
  }

  /** The lead of API.md, as the tenant would send it. */
  /** API.md's lead, which the published document shows as the example of POST /v1/leads. */
  static final String API_MD_LEAD = example("submitLead");


  private static String example(String operationId) {
    try (InputStream in = LeadsTest.class.getResourceAsStream("/io/leadbridge/web/examples/" + operationId + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The API.md lead with another external id, so that each call sends a different lead. */
  static String lead(String externalId) {
    try {
      ObjectNode lead = (ObjectNode) JSON.readTree(API_MD_LEAD);
      lead.put("externalId", externalId);
      return JSON.writeValueAsString(lead);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** POST /v1/leads with the given key; {@code idempotencyKey} null sends none. */
  HttpResponse<String> post(String apiKey, String idempotencyKey, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(hub().api().uri("/v1/leads"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + apiKey)
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return hub().api().send(request.build());
  }

  String writer(UUID tenant) {
    return hub().tenantKey(tenant, Role.TENANT_WRITER);
  }

  /** Creates a HubSpot integration of the tenant through the API and returns its id. */
  String integration(UUID tenant, String name) {
    HttpResponse<String> created = hub().api().postJson("/v1/integrations/third-party",
        hub().tenantKey(tenant, Role.TENANT_ADMIN),
        "{\"connector\":\"hubspot\",\"name\":\"" + name + "\",\"baseUrl\":\"" + HUBSPOT.baseUri()
            + "\",\"credentials\":{\"accessToken\":\"pat-sim-valid-token\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Hub.json(created).get("id").asText();
  }

  JsonNode leads(String apiKey) {
    return Hub.json(hub().api().get("/v1/leads?limit=200", apiKey)).get("items");
  }

  Jdbi database() {
    return Databases.forCommand(app().getConfiguration().database());
  }

  @Test
  void anAcceptedLeadQueuesOnePendingDeliveryPerEnabledIntegrationOnly() {
    UUID tenant = hub().createTenant();
    String enabled = integration(tenant, "Main CRM");
    String disabled = integration(tenant, "Old CRM");
    HttpResponse<String> patch = hub().api().send("PATCH", "/v1/integrations/third-party/" + disabled,
        hub().tenantKey(tenant, Role.TENANT_ADMIN), "application/json", "{\"enabled\":false}");
    assertThat(patch.statusCode()).isEqualTo(200);
    String key = writer(tenant);

    HttpResponse<String> accepted = post(key, "form-8812", API_MD_LEAD);
    JsonNode body = Hub.json(accepted);
    String leadId = body.get("id").asText();
    JsonNode read = Hub.json(hub().api().get("/v1/leads/" + leadId, key));

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/v1/leads/" + leadId));
    assertThat(body.get("deliveries")).hasSize(1);
    assertThat(body.get("deliveryCount").asInt()).isEqualTo(1);
    JsonNode queued = body.get("deliveries").get(0);
    assertThat(queued.get("integrationId").asText()).isEqualTo(enabled);
    assertThat(queued.get("status").asText()).isEqualTo("pending");
    assertThat(read.get("id").asText()).isEqualTo(leadId);
    assertThat(read.get("receivedAt").asText()).isEqualTo("2026-11-22T10:15:00Z");
    assertThat(read.get("lead").get("customer").get("lastName").asText()).isEqualTo("Reyes");
    assertThat(read.get("lead").get("vehicles").get(0).get("vin").asText()).isEqualTo("1HGCM82633A004352");
    assertThat(read.get("lead").get("customFields").get("campaign").asText()).isEqualTo("fall-sale");
    JsonNode delivery = read.get("deliveries").get(0);
    assertThat(read.get("deliveries")).hasSize(1);
    assertThat(delivery.get("id").asText()).isEqualTo(queued.get("id").asText());
    assertThat(delivery.get("status").asText()).isEqualTo("pending");
    assertThat(delivery.get("attempts").asInt()).isZero();
    assertThat(delivery.get("lastErrorCode").isNull()).isTrue();
    assertThat(delivery.get("remoteId").isNull()).isTrue();
    int dueAndUnleased = database().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM deliveries WHERE lead_id = :lead AND next_attempt_at <= :now AND lease_owner IS NULL")
        .bind("lead", UUID.fromString(leadId)).bind("now", OffsetDateTime.now(ZoneOffset.UTC))
        .mapTo(Integer.class).one());
    assertThat(dueAndUnleased).isEqualTo(1);
  }

  /**
   * 25 integrations of each kind, the most a tenant is meant to have: the 202 lists the first 20
   * deliveries, counts all 50 and points at the lead, which has every one of them; a replay is the
   * same bounded body.
   */
  @Test
  void the202OfATenantWithManyIntegrationsListsABoundedNumberWithTheCountAndWhereTheRestAre() {
    UUID tenant = hub().createTenant();
    String admin = hub().tenantKey(tenant, Role.TENANT_ADMIN);
    List<String> integrations = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      integrations.add(integration(tenant, "CRM " + i));
      HttpResponse<String> internal = hub().api().postJson("/v1/integrations/internal", admin,
          "{\"name\":\"DMS " + i + "\",\"endpoint\":{\"url\":\"http://127.0.0.1:9/leads\",\"method\":\"POST\","
              + "\"timeoutMs\":2000},\"auth\":{\"type\":\"none\"},\"signingSecret\":\"sig-" + UUID.randomUUID()
              + "-" + UUID.randomUUID() + "\"}");
      assertThat(internal.statusCode()).as(internal.body()).isEqualTo(201);
      integrations.add(Hub.json(internal).get("id").asText());
    }
    String key = writer(tenant);

    HttpResponse<String> accepted = post(key, "many", API_MD_LEAD);
    JsonNode body = Hub.json(accepted);
    String leadId = body.get("id").asText();
    JsonNode read = Hub.json(hub().api().get("/v1/leads/" + leadId, key));

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(body.get("deliveries")).hasSize(20);
    assertThat(body.get("deliveryCount").asInt()).isEqualTo(50);
    assertThat(body.get("deliveriesUrl").asText()).isEqualTo("/v1/leads/" + leadId);
    assertThat(accepted.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith(body.get("deliveriesUrl").asText()));
    assertThat(accepted.body().length()).as("20 entries of about 120 bytes, whatever the integrations").isLessThan(3_000);
    List<String> listed = new ArrayList<>();
    body.get("deliveries").forEach(d -> {
      assertThat(d.get("status").asText()).isEqualTo("pending");
      listed.add(d.get("integrationId").asText());
    });
    assertThat(listed).as("the first integrations, in order").isEqualTo(integrations.subList(0, 20));
    List<String> all = new ArrayList<>();
    read.get("deliveries").forEach(d -> all.add(d.get("integrationId").asText()));
    assertThat(all).containsExactlyInAnyOrderElementsOf(integrations);
    assertThat(post(key, "many", API_MD_LEAD).body()).isEqualTo(accepted.body());
  }

  @Test
  void aTenantWithoutIntegrationsGets202AndTheLeadIsKept() {
    String key = writer(hub().createTenant());

    HttpResponse<String> accepted = post(key, "k1", API_MD_LEAD);

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(Hub.json(accepted).get("deliveries")).isEmpty();
    assertThat(Hub.json(accepted).get("deliveryCount").asInt()).isZero();
    JsonNode read = Hub.json(hub().api().get("/v1/leads/" + Hub.json(accepted).get("id").asText(), key));
    assertThat(read.get("lead").get("externalId").asText()).isEqualTo("web-form-8812");
    assertThat(read.get("deliveries")).isEmpty();
  }

  @Test
  void aLeadWithoutReceivedAtIsReceivedAtIntakeTime() throws Exception {
    String key = writer(hub().createTenant());
    ObjectNode lead = (ObjectNode) JSON.readTree(API_MD_LEAD);
    lead.remove("receivedAt");
    Instant before = Instant.now();

    JsonNode accepted = Hub.json(post(key, "k1", JSON.writeValueAsString(lead)));
    JsonNode read = Hub.json(hub().api().get("/v1/leads/" + accepted.get("id").asText(), key));

    assertThat(Instant.parse(read.get("receivedAt").asText())).isBetween(before.minusSeconds(1), Instant.now());
    assertThat(read.get("lead").get("receivedAt").isNull()).as("the lead is kept as sent").isTrue();
  }

  @Test
  void theSameKeyAndLeadGetTheFirstAnswerAgainEvenReformatted() throws Exception {
    UUID tenant = hub().createTenant();
    integration(tenant, "Main CRM");
    String key = writer(tenant);
    String reordered = JSON.writeValueAsString(JSON.readValue(API_MD_LEAD, java.util.TreeMap.class));

    HttpResponse<String> first = post(key, "retry-me", API_MD_LEAD);
    HttpResponse<String> again = post(key, "retry-me", reordered);
    HttpResponse<String> byAdmin = post(hub().tenantKey(tenant, Role.TENANT_ADMIN), "retry-me", API_MD_LEAD);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(byAdmin.body()).as("the key belongs to the tenant, not to the API key").isEqualTo(first.body());
    assertThat(leads(key)).hasSize(1);
    assertThat(leads(key).get(0).get("deliveries")).hasSize(1);
  }

  @Test
  void aKeyIsScopedToItsTenant() {
    String a = writer(hub().createTenant());
    String b = writer(hub().createTenant());

    JsonNode ofA = Hub.json(post(a, "shared-key", API_MD_LEAD));
    HttpResponse<String> ofB = post(b, "shared-key", API_MD_LEAD);

    assertThat(ofB.statusCode()).isEqualTo(202);
    assertThat(Hub.json(ofB).get("id").asText()).isNotEqualTo(ofA.get("id").asText());
    assertThat(leads(a)).hasSize(1);
    assertThat(leads(b)).hasSize(1);
  }

  @Test
  void theSameKeyWithAnotherLeadIs422AndStoresNothing() {
    String key = writer(hub().createTenant());

    HttpResponse<String> first = post(key, "once", lead("form-1"));
    HttpResponse<String> reused = post(key, "once", lead("form-2"));

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(reused.statusCode()).as(reused.body()).isEqualTo(422);
    assertThat(Hub.json(reused).get("code").asText()).isEqualTo("idempotency_key_reused");
    assertThat(leads(key)).hasSize(1);
    assertThat(leads(key).get(0).get("lead").get("externalId").asText()).isEqualTo("form-1");
  }

  /**
   * A claim committed in flight on its own, what a node of the earlier version leaves behind while
   * (or after) its request runs, is set up in the database: this version claims inside the lead's
   * transaction and never commits one, but it shares the database with such nodes during an upgrade.
   */
  @Test
  void aRequestStillInFlightIs409AndAClaimAbandonedForAMinuteIsTakenOver() {
    String key = writer(hub().createTenant());
    String firstId = Hub.json(post(key, "slow", API_MD_LEAD)).get("id").asText();
    Jdbi db = database();
    db.useHandle(h -> h.createUpdate("UPDATE lead_idempotency_keys SET state = 'in_flight', lead_id = NULL,"
            + " response_status = NULL, response_body = NULL, completed_at = NULL, claimed_at = :at"
            + " WHERE idempotency_key = 'slow'")
        .bind("at", OffsetDateTime.now(ZoneOffset.UTC)).execute());
    db.useHandle(h -> h.createUpdate("DELETE FROM deliveries WHERE lead_id = :id").bind("id", UUID.fromString(firstId)).execute());
    db.useHandle(h -> h.createUpdate("DELETE FROM lead_fingerprints WHERE lead_id = :id").bind("id", UUID.fromString(firstId))
        .execute());
    db.useHandle(h -> h.createUpdate("DELETE FROM leads WHERE id = :id").bind("id", UUID.fromString(firstId)).execute());

    HttpResponse<String> inFlight = post(key, "slow", API_MD_LEAD);
    HttpResponse<String> otherLead = post(key, "slow", lead("another"));
    db.useHandle(h -> h.createUpdate("UPDATE lead_idempotency_keys SET claimed_at = :at WHERE idempotency_key = 'slow'")
        .bind("at", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2)).execute());
    HttpResponse<String> takenOver = post(key, "slow", API_MD_LEAD);
    HttpResponse<String> replayed = post(key, "slow", API_MD_LEAD);

    assertThat(inFlight.statusCode()).as(inFlight.body()).isEqualTo(409);
    assertThat(Hub.json(inFlight).get("code").asText()).isEqualTo("idempotency_key_in_flight");
    assertThat(otherLead.statusCode()).isEqualTo(422);
    assertThat(takenOver.statusCode()).as(takenOver.body()).isEqualTo(202);
    assertThat(replayed.body()).isEqualTo(takenOver.body());
    assertThat(leads(key)).hasSize(1);
  }

  @Test
  void fiftyConcurrentRequestsWithOneKeyStoreExactlyOneLead() throws Exception {
    UUID tenant = hub().createTenant();
    integration(tenant, "Main CRM");
    integration(tenant, "Second CRM");
    String key = writer(tenant);
    int threads = 50;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<HttpResponse<String>>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        Callable<HttpResponse<String>> call = () -> {
          start.await();
          return post(key, "race", API_MD_LEAD);
        };
        futures.add(pool.submit(call));
      }
      start.countDown();
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (Future<HttpResponse<String>> f : futures) {
        responses.add(f.get());
      }

      Set<String> acceptedBodies = new HashSet<>();
      for (HttpResponse<String> r : responses) {
        assertThat(r.statusCode()).as(r.body()).isIn(202, 409);
        if (r.statusCode() == 202) {
          acceptedBodies.add(r.body());
        }
      }
      assertThat(acceptedBodies).as("every 202 is the same answer").hasSize(1);
      assertThat(leads(key)).hasSize(1);
      assertThat(leads(key).get(0).get("deliveries")).hasSize(2);
      assertThat(post(key, "race", API_MD_LEAD).body()).isEqualTo(acceptedBodies.iterator().next());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Two nodes on one database: this hub through the API and a second intake on a pool of its own,
   * 20 requests each with one key, all released at once. One lead; every 202 is the one answer.
   */
  @Test
  void concurrentRequestsWithOneKeyOnTwoNodesStoreExactlyOneLead() throws Exception {
    UUID tenant = hub().createTenant();
    integration(tenant, "Main CRM");
    String key = writer(tenant);
    LeadIntake otherNode = new LeadIntake(database(), Clock.systemUTC(),
        new IntakeOutbox(EnabledIntegrations.inTables()), (t, values) -> Optional.empty(), Duration.ofHours(72));
    int perNode = 20;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2 * perNode);
    List<Future<Integer>> statuses = new ArrayList<>();
    Set<String> acceptedBodies = ConcurrentHashMap.newKeySet();
    try {
      for (int i = 0; i < perNode; i++) {
        statuses.add(pool.submit(() -> {
          start.await();
          HttpResponse<String> r = post(key, "two-nodes", API_MD_LEAD);
          if (r.statusCode() == 202) {
            acceptedBodies.add(r.body());
          }
          return r.statusCode();
        }));
        statuses.add(pool.submit(() -> {
          start.await();
          try {
            LeadIntake.Answer answer = otherNode.submit(tenant, "two-nodes", CanonicalJson.lead(API_MD_LEAD));
            acceptedBodies.add(answer.body());
            return answer.status();
          } catch (LeadException.IdempotencyKeyInFlight inFlight) {
            return 409;
          }
        }));
      }
      start.countDown();
      for (Future<Integer> status : statuses) {
        assertThat(status.get(60, TimeUnit.SECONDS)).isIn(202, 409);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(acceptedBodies).as("every 202 is the same answer").hasSize(1);
    assertThat(leads(key)).hasSize(1);
    assertThat(leads(key).get(0).get("deliveries")).hasSize(1);
    assertThat(post(key, "two-nodes", API_MD_LEAD).body()).isEqualTo(acceptedBodies.iterator().next());
    int claims = database().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM lead_idempotency_keys WHERE tenant_id = :tenant AND state = 'completed'")
        .bind("tenant", tenant).mapTo(Integer.class).one());
    assertThat(claims).isEqualTo(1);
  }

  @Test
  void anotherTenantsLeadIsNotFound() {
    String owner = writer(hub().createTenant());
    String stranger = writer(hub().createTenant());
    String leadId = Hub.json(post(owner, "mine", API_MD_LEAD)).get("id").asText();

    HttpResponse<String> read = hub().api().get("/v1/leads/" + leadId, stranger);

    assertThat(read.statusCode()).isEqualTo(404);
    assertThat(Hub.json(read).get("code").asText()).isEqualTo("lead_not_found");
    assertThat(leads(stranger)).isEmpty();
    assertThat(hub().api().get("/v1/leads/" + leadId, owner).statusCode()).isEqualTo(200);
  }

  @Test
  void leadsArePagedInIntakeOrder() {
    String key = writer(hub().createTenant());
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sent.add(Hub.json(post(key, "page-" + i, lead("form-" + i))).get("id").asText());
    }

    List<String> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String cursor = "";
    do {
      JsonNode page = Hub.json(hub().api().get("/v1/leads?limit=2&cursor=" + cursor, key));
      page.get("items").forEach(item -> seen.add(item.get("id").asText()));
      sizes.add(page.get("items").size());
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);

    assertThat(sizes).containsExactly(2, 2, 1);
    assertThat(seen).containsExactlyElementsOf(sent);
    assertThat(Hub.json(hub().api().get("/v1/leads?limit=201", key)).get("code").asText()).isEqualTo("invalid_page_request");
    for (String notANumber : List.of("abc", "1.5", "")) {
      HttpResponse<String> refused = hub().api().get("/v1/leads?limit=" + notANumber, key);
      if (notANumber.isEmpty()) {
        // An empty value is no value: the default page.
        assertThat(refused.statusCode()).isEqualTo(200);
        continue;
      }
      assertThat(refused.statusCode()).as("limit=%s answers 400, not 404", notANumber).isEqualTo(400);
      assertThat(Hub.json(refused).get("code").asText()).isEqualTo("invalid_page_request");
      assertThat(fields(Hub.json(refused))).containsExactly("limit");
    }
    assertThat(hub().api().get("/v1/leads?cursor=nonsense", key).statusCode()).isEqualTo(400);
  }

  @TestFactory
  Stream<DynamicTest> badBodiesNameTheFieldsAtFaultStoreNothingAndLeaveTheKeyFree() {
    String key = writer(hub().createTenant());
    List<DynamicTest> tests = new ArrayList<>();
    for (BadLeads.Case bad : BadLeads.all()) {
      tests.add(DynamicTest.dynamicTest(bad.name(), () -> {
        HttpResponse<String> r = post(key, "bad-then-good", bad.body());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(bad.status());
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Hub.json(r);
        assertThat(problem.get("code").asText()).isEqualTo(bad.code());
        assertThat(fields(problem)).containsExactlyInAnyOrderElementsOf(bad.fields());
        assertThat(r.body()).doesNotContain("dana.example.com").doesNotContain("000-00-0000");
      }));
    }
    tests.add(DynamicTest.dynamicTest("nothing was stored and the key is still free", () -> {
      assertThat(leads(key)).isEmpty();
      assertThat(post(key, "bad-then-good", API_MD_LEAD).statusCode()).isEqualTo(202);
    }));
    return tests.stream();
  }

  @Test
  void theIdempotencyKeyHeaderIsRequiredWithOneTo255Characters() {
    String key = writer(hub().createTenant());

    HttpResponse<String> missing = post(key, null, API_MD_LEAD);
    HttpResponse<String> tooLong = post(key, "k".repeat(256), API_MD_LEAD);
    HttpResponse<String> longest = post(key, "k".repeat(255), API_MD_LEAD);
    HttpResponse<String> shortest = post(key, "k", lead("other"));
    HttpResponse<String> wrongType = hub().api().send("POST", "/v1/leads", key, "text/plain", API_MD_LEAD);

    for (HttpResponse<String> refused : List.of(missing, tooLong)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(Hub.json(refused).get("code").asText()).isEqualTo("invalid_idempotency_key");
      assertThat(fields(Hub.json(refused))).containsExactly("Idempotency-Key");
    }
    assertThat(longest.statusCode()).isEqualTo(202);
    assertThat(shortest.statusCode()).isEqualTo(202);
    assertThat(wrongType.statusCode()).isEqualTo(415);
    assertThat(leads(key)).hasSize(2);
  }

  /** The JDK client would send '?' for a non-ASCII header character, so these go as raw bytes. */
  @ParameterizedTest
  @ValueSource(strings = {"cl\u00e9-1", "cl\u00c3\u00a9-1"})
  void anIdempotencyKeyOutsidePrintableAsciiIsRefusedAndNothingIsStored(String isoLatin1Key) {
    String key = writer(hub().createTenant());

    RawHttp.Response refused = new RawHttp(app().getLocalPort()).sendWithBody("POST /v1/leads HTTP/1.1", API_MD_LEAD,
        "Authorization: Bearer " + key, "Content-Type: application/json", "Idempotency-Key: " + isoLatin1Key);

    assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
    assertThat(refused.body()).contains("\"code\":\"invalid_idempotency_key\"").contains("printable ASCII");
    assertThat(leads(key)).isEmpty();
  }

  @Test
  void commentsKeepTheirLineBreaksAndTabs() throws Exception {
    String key = writer(hub().createTenant());
    ObjectNode lead = (ObjectNode) JSON.readTree(API_MD_LEAD);
    lead.put("comments", "Test drive Saturday\r\n\tor Sunday\nafter 10");

    HttpResponse<String> accepted = post(key, "multi-line", JSON.writeValueAsString(lead));

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    JsonNode stored = Hub.json(hub().api().get("/v1/leads/" + Hub.json(accepted).get("id").asText(), key));
    assertThat(stored.get("lead").get("comments").asText()).isEqualTo("Test drive Saturday\r\n\tor Sunday\nafter 10");
  }

  @Test
  void twoIdempotencyKeysAreRefusedAndNothingIsStored() {
    String key = writer(hub().createTenant());

    HttpResponse<String> twice = hub().api().send(HttpRequest.newBuilder(hub().api().uri("/v1/leads"))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", "first-key")
        .header("Idempotency-Key", "second-key")
        .POST(HttpRequest.BodyPublishers.ofString(API_MD_LEAD))
        .build());

    assertThat(twice.statusCode()).as(twice.body()).isEqualTo(400);
    assertThat(Hub.json(twice).get("code").asText()).isEqualTo("invalid_idempotency_key");
    assertThat(fields(Hub.json(twice))).containsExactly("Idempotency-Key");
    assertThat(leads(key)).isEmpty();
    assertThat(post(key, "first-key", API_MD_LEAD).statusCode()).as("the key stays free").isEqualTo(202);
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    JsonNode errors = problem.get("errors");
    if (errors != null) {
      errors.forEach(e -> fields.add(e.get("field").asText()));
    }
    return fields;
  }
}

package io.leadbridge.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.storage.Databases;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.Poll;
import io.leadbridge.testing.TestApps;
import io.leadbridge.testing.VendorServer;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same shopper from several providers within the window is marked {@code duplicateOf} the
 * first lead, by keyed digests that keep no copy of the contact. Runs on each database; not
 * thread-safe.
 */
@ParameterizedClass
@EnumSource(Db.class)
class DuplicateLeadsTest extends HubTest {

  /** The tenant's own systems: one path per duplicate policy. */
  static final VendorServer RECEIVER = new VendorServer()
      .on("/deliver", exchange -> VendorServer.respond(exchange, 204, ""))
      .on("/deliver-marked", exchange -> VendorServer.respond(exchange, 204, ""))
      .on("/suppress", exchange -> VendorServer.respond(exchange, 204, ""));

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.app(db, ConfigOverride.config("integrations.allowedHosts", "127.0.0.1"));
  }

  private static String json(String source, String receivedAt, String email, String phone, String model) {
    return "{\"source\":\"" + source + "\",\"receivedAt\":\"" + receivedAt + "\",\"customer\":{\"lastName\":\"Reyes\","
        + "\"emails\":[" + (email == null ? "" : "\"" + email + "\"") + "],"
        + "\"phones\":[" + (phone == null ? "" : "{\"number\":\"" + phone + "\"}") + "]},"
        + "\"vehicles\":[{\"year\":2021,\"make\":\"Honda\",\"model\":\"" + model + "\"}]}";
  }

  private static final String ADF_FROM_MARKETPLACE = """
      <?ADF VERSION "1.0"?><adf><prospect><requestdate>2026-11-22T18:00:00Z</requestdate>
      <vehicle><year>2021</year><make>HONDA</make><model>Accord</model></vehicle>
      <customer><contact><name part="full">Dana Reyes</name><phone type="home">(512) 555-0100</phone></contact>
      </customer><vendor><contact><name>x</name></contact></vendor>
      <provider><name>Marketplace</name></provider></prospect></adf>
      """;

  private JsonNode post(String key, String contentType, String body) {
    HttpResponse<String> accepted = hub().api().send(HttpRequest.newBuilder(hub().api().uri("/v1/leads"))
        .header("Authorization", "Bearer " + key).header("Content-Type", contentType)
        .header("Idempotency-Key", UUID.randomUUID().toString()).POST(BodyPublishers.ofString(body)).build());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    return Hub.json(hub().api().get("/v1/leads/" + Hub.json(accepted).get("id").asText(), key));
  }

  @Test
  void theSameShopperFromThreeProvidersPointsAtTheFirstLead() {
    String key = hub().tenantKey(hub().createTenant(), Role.TENANT_WRITER);

    JsonNode website = post(key, "application/json",
        json("dealer-website", "2026-11-22T10:00:00Z", "Dana@Example.com", "+15125550100", "Accord"));
    JsonNode oem = post(key, "application/json",
        json("oem-site", "2026-11-22T14:00:00Z", "DANA@example.com", null, "accord"));
    JsonNode marketplace = post(key, "application/xml", ADF_FROM_MARKETPLACE);

    String first = website.get("id").asText();
    assertThat(website.get("duplicateOf").isNull()).isTrue();
    assertThat(oem.get("duplicateOf").asText()).isEqualTo(first);
    assertThat(marketplace.get("duplicateOf").asText()).as("by phone, through the second lead").isEqualTo(first);
  }

  @Test
  void anotherVehicleAnotherShopperOrOutsideTheWindowIsNotADuplicate() {
    String key = hub().tenantKey(hub().createTenant(), Role.TENANT_WRITER);
    post(key, "application/json", json("web", "2026-11-22T10:00:00Z", "dana@example.com", null, "Accord"));

    JsonNode otherCar = post(key, "application/json", json("web", "2026-11-22T11:00:00Z", "dana@example.com", null, "Civic"));
    JsonNode otherPerson = post(key, "application/json", json("web", "2026-11-22T11:00:00Z", "sam@example.com", null, "Accord"));
    JsonNode fourDaysLater = post(key, "application/json",
        json("web", "2026-11-26T10:00:01Z", "dana@example.com", null, "Accord"));

    for (JsonNode lead : List.of(otherCar, otherPerson, fourDaysLater)) {
      assertThat(lead.get("duplicateOf").isNull()).as(lead.toString()).isTrue();
    }
  }

  @Test
  void anotherTenantsShopperIsNeverAMatchAndNoContactIsStoredTwice() {
    String first = hub().tenantKey(hub().createTenant(), Role.TENANT_WRITER);
    String second = hub().tenantKey(hub().createTenant(), Role.TENANT_WRITER);
    String email = "shopper-" + UUID.randomUUID() + "@example.com";
    post(first, "application/json", json("web", "2026-11-22T10:00:00Z", email, null, "Accord"));

    JsonNode elsewhere = post(second, "application/json", json("web", "2026-11-22T10:05:00Z", email, null, "Accord"));

    assertThat(elsewhere.get("duplicateOf").isNull()).isTrue();
    List<String> digests = Databases.forCommand(app().getConfiguration().database())
        .withHandle(h -> h.createQuery("SELECT digest FROM lead_fingerprints").mapTo(String.class).list());
    assertThat(digests).isNotEmpty().allSatisfy(d -> assertThat(d).matches("[0-9a-f]{64}").doesNotContain(email));
  }

  private String webhook(String admin, String policy) {
    HttpResponse<String> created = hub().api().postJson("/v1/integrations/internal", admin,
        "{\"name\":\"DMS " + policy + "\",\"endpoint\":{\"url\":\"" + RECEIVER.url("/" + policy) + "\"},"
            + "\"auth\":{\"type\":\"none\"},\"signingSecret\":\"sig-" + UUID.randomUUID() + UUID.randomUUID()
            + "\",\"duplicates\":\"" + policy + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(Hub.json(created).get("duplicates").asText()).isEqualTo(policy);
    return Hub.json(created).get("id").asText();
  }

  private List<String> bodiesAt(String path, String leadId) {
    return RECEIVER.received().stream().filter(r -> r.path().equals(path) && r.body().contains(leadId))
        .map(VendorServer.Received::body).toList();
  }

  /** Each integration chooses: deliver the duplicate, deliver it marked, or skip it. */
  @Test
  void eachIntegrationDeliversMarksOrSkipsTheDuplicateAsItChose() {
    UUID tenant = hub().createTenant();
    String admin = hub().tenantKey(tenant, Role.TENANT_ADMIN);
    webhook(admin, "deliver");
    String marked = webhook(admin, "deliver-marked");
    String suppressed = webhook(admin, "suppress");
    String key = hub().tenantKey(tenant, Role.TENANT_WRITER);

    String first = post(key, "application/json", json("web", "2026-11-22T10:00:00Z", "dana@example.com", null, "Accord"))
        .get("id").asText();
    JsonNode duplicate = post(key, "application/json",
        json("oem", "2026-11-22T12:00:00Z", "dana@example.com", null, "Accord"));
    String second = duplicate.get("id").asText();
    Poll.until("the duplicate at the delivering webhooks", Duration.ofSeconds(30),
        () -> !bodiesAt("/deliver", second).isEmpty() && !bodiesAt("/deliver-marked", second).isEmpty());
    JsonNode deliveries = Hub.json(hub().api().get("/v1/leads/" + second, admin)).get("deliveries");
    JsonNode skipped = null;
    for (JsonNode delivery : deliveries) {
      if (delivery.get("integrationId").asText().equals(suppressed)) {
        skipped = delivery;
      }
    }
    HttpResponse<String> switchedBack = hub().api().send("PATCH", "/v1/integrations/internal/" + marked, admin,
        "application/json", "{\"duplicates\":\"deliver\"}");
    HttpResponse<String> unknown = hub().api().send("PATCH", "/v1/integrations/internal/" + marked, admin,
        "application/json", "{\"duplicates\":\"ignore\"}");

    assertThat(bodiesAt("/deliver", second).get(0)).doesNotContain("leadbridgeDuplicateOf");
    assertThat(bodiesAt("/deliver-marked", second).get(0)).contains("\"leadbridgeDuplicateOf\":\"" + first + "\"");
    assertThat(bodiesAt("/deliver-marked", first).get(0)).doesNotContain("leadbridgeDuplicateOf");
    assertThat(skipped).isNotNull();
    assertThat(skipped.get("status").asText()).isEqualTo("skipped");
    assertThat(skipped.get("lastErrorCode").asText()).isEqualTo("duplicate");
    assertThat(skipped.get("lastErrorMessage").asText()).contains(first);
    assertThat(bodiesAt("/suppress", second)).isEmpty();
    assertThat(bodiesAt("/suppress", first)).as("the first lead is no duplicate").isNotEmpty();
    assertThat(Hub.json(switchedBack).get("duplicates").asText()).isEqualTo("deliver");
    assertThat(unknown.statusCode()).isEqualTo(422);
  }
}

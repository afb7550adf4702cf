package io.leadbridge.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.storage.Databases;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.TestApps;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
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

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.app(db);
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
}

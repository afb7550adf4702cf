package io.leadbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.RawHttp;
import io.leadbridge.testing.TestApps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every {@code Location} of a 201 or 202 is relative without {@code web.publicBaseUrl}, whatever
 * {@code Host} or forwarding header the client sends; {@link PublicBaseUrlLocationTest} runs the
 * same requests with it set. Not thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(Db.class)
public class LocationHeaderTest extends HubTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String[] FORGED = {
      "Host: evil.example", "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https",
      "Forwarded: host=evil.example;proto=https"};

  private static final String LEAD = """
      {"externalId": "form-1", "source": "dealer-website", "receivedAt": "2026-11-22T10:15:00Z",
       "customer": {"lastName": "Reyes", "emails": ["dana@example.com"]},
       "vehicles": [{"year": 2021, "make": "Honda", "model": "Accord"}]}
      """;

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.appWithHubSpot(db, TestApps.tempDir(), extraConfig());
  }

  /** What the hub's configuration adds; here nothing. */
  ConfigOverride[] extraConfig() {
    return new ConfigOverride[] {ConfigOverride.config("delivery.workersEnabled", "false")};
  }

  /** What every Location starts with before its path. */
  String expectedBase() {
    return "";
  }

  @Test
  void aNewTenantAndItsKeyAreLocatedWithoutTheRequestsHost() {
    RawHttp.Response tenant = post("/v1/tenants", hub().operatorKey(),
        "{\"name\":\"Dealer\",\"slug\":\"loc-" + UUID.randomUUID().toString().substring(0, 8)
            + "\",\"attributes\":{\"tier\":\"pro\",\"region\":\"us-east\"}}");
    String tenantId = created(tenant, 201).get("id").asText();
    assertThat(tenant.header("Location")).hasValue(expectedBase() + "/v1/tenants/" + tenantId);

    RawHttp.Response key = post("/v1/tenants/" + tenantId + "/api-keys", hub().operatorKey(),
        "{\"role\":\"TENANT_WRITER\",\"label\":\"form\"}");
    String keyId = created(key, 201).get("id").asText();
    assertThat(key.header("Location")).hasValue(expectedBase() + "/v1/tenants/" + tenantId + "/api-keys/" + keyId);
  }

  @Test
  void aNewIntegrationOfEachKindIsLocatedWithoutTheRequestsHost() {
    String admin = hub().tenantKey(hub().createTenant(), Role.TENANT_ADMIN);
    RawHttp.Response internal = post("/v1/integrations/internal", admin,
        "{\"name\":\"DMS\",\"endpoint\":{\"url\":\"http://127.0.0.1:9/leads\",\"method\":\"POST\",\"timeoutMs\":2000},"
            + "\"auth\":{\"type\":\"none\"},\"signingSecret\":\"sig-" + UUID.randomUUID() + "-" + UUID.randomUUID()
            + "\"}");
    String internalId = created(internal, 201).get("id").asText();
    assertThat(internal.header("Location")).hasValue(expectedBase() + "/v1/integrations/internal/" + internalId);

    RawHttp.Response thirdParty = post("/v1/integrations/third-party", admin,
        "{\"connector\":\"hubspot\",\"name\":\"CRM\",\"baseUrl\":\"http://127.0.0.1:9\","
            + "\"credentials\":{\"accessToken\":\"pat-sim-valid-token\"}}");
    String thirdPartyId = created(thirdParty, 201).get("id").asText();
    assertThat(thirdParty.header("Location"))
        .hasValue(expectedBase() + "/v1/integrations/third-party/" + thirdPartyId);
  }

  @Test
  void anAcceptedLeadIsLocatedWithoutTheRequestsHostAndSoIsItsReplay() {
    String writer = hub().tenantKey(hub().createTenant(), Role.TENANT_WRITER);
    RawHttp.Response first = post("/v1/leads", writer, LEAD, "Idempotency-Key: loc-1");
    String leadId = created(first, 202).get("id").asText();
    assertThat(first.header("Location")).hasValue(expectedBase() + "/v1/leads/" + leadId);

    RawHttp.Response replay = post("/v1/leads", writer, LEAD, "Idempotency-Key: loc-1");
    assertThat(replay.status()).isEqualTo(202);
    assertThat(replay.header("Location")).hasValue(expectedBase() + "/v1/leads/" + leadId);
  }

  private RawHttp.Response post(String path, String key, String json, String... extra) {
    String[] headers = new String[FORGED.length + 2 + extra.length];
    System.arraycopy(FORGED, 0, headers, 0, FORGED.length);
    headers[FORGED.length] = "Authorization: Bearer " + key;
    headers[FORGED.length + 1] = "Content-Type: application/json";
    System.arraycopy(extra, 0, headers, FORGED.length + 2, extra.length);
    return new RawHttp(app().getLocalPort()).sendWithBody("POST " + path + " HTTP/1.1", json, headers);
  }

  private static JsonNode created(RawHttp.Response r, int status) {
    assertThat(r.status()).as(r.raw()).isEqualTo(status);
    assertThat(r.raw()).doesNotContain("evil.example");
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

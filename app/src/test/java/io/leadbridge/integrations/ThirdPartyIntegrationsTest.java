package io.leadbridge.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import io.leadbridge.testing.BuiltPlugins;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.TestApps;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Third-party integrations through the API, on a hub running the real HubSpot plugin jar against
 * the HubSpot simulator: write-only credentials, descriptor validation, the SSRF rules, checks,
 * tenant isolation, and a plugin dropped in at run time becoming usable after a reload. Runs on
 * each database; not thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(Db.class)
class ThirdPartyIntegrationsTest extends HubTest {

  static final HubSpotSimulator HUBSPOT = HubSpotSimulator.builder().token("pat-sim-valid-token").start();

  /**
   * The hub's plugins directory, where a test drops a plugin in: each database's own, set before
   * its hub starts.
   */
  private static Path plugins;

  @BeforeParameterizedClassInvocation
  static void freshPluginsDirectory() {
    plugins = TestApps.tempDir();
  }

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.appWithHubSpot(db, plugins);
  }

  private String admin(UUID tenant) {
    return hub().tenantKey(tenant, Role.TENANT_ADMIN);
  }

  private HttpResponse<String> create(String key, String body) {
    return hub().api().postJson("/v1/integrations/third-party", key, body);
  }

  private String hubspotBody(String token) {
    return "{\"connector\":\"hubspot\",\"name\":\"Main CRM\",\"baseUrl\":\"" + HUBSPOT.baseUri()
        + "\",\"settings\":{\"createDeal\":\"false\"},\"credentials\":{\"accessToken\":\"" + token + "\"}}";
  }

  @Test
  void theConnectorsListShowsTheStartedPluginWithItsFields() {
    JsonNode connectors = Hub.json(hub().api().get("/v1/connectors", admin(hub().createTenant())));

    JsonNode hubspot = null;
    for (JsonNode connector : connectors.get("items")) {
      if (connector.get("id").asText().equals("hubspot")) {
        hubspot = connector;
      }
    }
    assertThat(hubspot).as(connectors.toString()).isNotNull();
    assertThat(hubspot.get("credentialFields").get(0).get("name").asText()).isEqualTo("accessToken");
    assertThat(hubspot.get("credentialFields").get(0).get("secret").asBoolean()).isTrue();
  }

  @Test
  void credentialsAreWriteOnlyAndShownOnlyAsSetFingerprintAndTime() {
    String key = admin(hub().createTenant());

    HttpResponse<String> created = create(key, hubspotBody("pat-sim-valid-token"));
    JsonNode body = Hub.json(created);
    String id = body.get("id").asText();
    HttpResponse<String> read = hub().api().get("/v1/integrations/third-party/" + id, key);
    HttpResponse<String> list = hub().api().get("/v1/integrations/third-party", key);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/v1/integrations/third-party/" + id));
    assertThat(body.get("credentials").get("set").asBoolean()).isTrue();
    assertThat(body.get("credentials").get("fingerprint").asText()).matches("[0-9a-f]{8}");
    assertThat(body.get("credentials").has("updatedAt")).isTrue();
    assertThat(body.get("settings").get("createDeal").asText()).isEqualTo("false");
    for (HttpResponse<String> r : List.of(created, read, list)) {
      assertThat(r.body()).doesNotContain("pat-sim-valid-token");
    }
    assertThat(Hub.json(list).get("items")).hasSize(1);
  }

  @Test
  void checkRunsTheConnectorAgainstTheVendorAndReplacedCredentialsTakeEffect() {
    String key = admin(hub().createTenant());
    JsonNode created = Hub.json(create(key, hubspotBody("pat-sim-valid-token")));
    String id = created.get("id").asText();

    JsonNode ok = Hub.json(hub().api().postJson("/v1/integrations/third-party/" + id + "/check", key, ""));
    HttpResponse<String> replaced = hub().api().send("PUT", "/v1/integrations/third-party/" + id + "/credentials", key,
        "application/json", "{\"accessToken\":\"pat-sim-revoked-token\"}");
    JsonNode refused = Hub.json(hub().api().postJson("/v1/integrations/third-party/" + id + "/check", key, ""));
    JsonNode after = Hub.json(hub().api().get("/v1/integrations/third-party/" + id, key));

    assertThat(ok.get("ok").asBoolean()).as(ok.toString()).isTrue();
    assertThat(replaced.statusCode()).isEqualTo(204);
    assertThat(refused.get("ok").asBoolean()).isFalse();
    assertThat(refused.toString()).doesNotContain("pat-sim");
    assertThat(after.get("credentials").get("fingerprint").asText())
        .isNotEqualTo(created.get("credentials").get("fingerprint").asText());
  }

  @Test
  void badRequestsNameEveryFieldAtFaultAndStoreNothing() {
    String key = admin(hub().createTenant());

    HttpResponse<String> unknownConnector = create(key, "{\"connector\":\"nope\",\"name\":\"x\"}");
    HttpResponse<String> everythingWrong = create(key, "{\"connector\":\"hubspot\",\"name\":\"x\","
        + "\"baseUrl\":\"https://169.254.169.254/latest\",\"settings\":{\"bogus\":\"1\",\"createDeal\":\"maybe\"},"
        + "\"credentials\":{\"password\":\"pw\"}}");
    HttpResponse<String> plainHttp = create(key, "{\"connector\":\"hubspot\",\"name\":\"x\","
        + "\"baseUrl\":\"http://crm.example.com\",\"credentials\":{\"accessToken\":\"t\"}}");
    HttpResponse<String> noName = create(key, "{\"connector\":\"hubspot\",\"credentials\":{\"accessToken\":\"t\"}}");
    HttpResponse<String> legacyIpv4 = create(key, "{\"connector\":\"hubspot\",\"name\":\"x\","
        + "\"baseUrl\":\"https://0177.0.0.1\",\"credentials\":{\"accessToken\":\"t\"}}");
    HttpResponse<String> invisibleName = create(key, "{\"connector\":\"hubspot\",\"name\":\"Main\\u200BCRM\","
        + "\"baseUrl\":\"" + HUBSPOT.baseUri() + "\",\"credentials\":{\"accessToken\":\"t\"},"
        + "\"fieldMappings\":[{\"source\":\"customer.lastName\",\"target\":\"last\\u202Ename\"}]}");
    HttpResponse<String> numberAsSecret = create(key, "{\"connector\":\"hubspot\",\"name\":\"x\","
        + "\"credentials\":{\"accessToken\":12345}}");

    assertThat(unknownConnector.statusCode()).isEqualTo(422);
    assertThat(fields(unknownConnector)).containsExactly("connector");
    assertThat(everythingWrong.statusCode()).isEqualTo(422);
    assertThat(fields(everythingWrong)).containsExactlyInAnyOrder(
        "baseUrl", "settings.bogus", "settings.createDeal", "credentials", "credentials.accessToken");
    assertThat(everythingWrong.body()).doesNotContain("\"pw\"").doesNotContain("password");
    assertThat(fields(plainHttp)).containsExactly("baseUrl");
    assertThat(fields(noName)).containsExactly("name");
    assertThat(fields(legacyIpv4)).containsExactly("baseUrl");
    assertThat(Hub.json(legacyIpv4).get("errors").get(0).get("message").asText()).contains("four decimal numbers");
    assertThat(fields(invisibleName)).containsExactlyInAnyOrder("name", "fieldMappings[0].target");
    assertThat(numberAsSecret.statusCode()).isEqualTo(400);
    assertThat(numberAsSecret.body()).doesNotContain("12345");
    assertThat(Hub.json(hub().api().get("/v1/integrations/third-party", key)).get("items")).isEmpty();
  }

  @Test
  void aTokenPastedAsAFieldNameIsNeverEchoedAndOversizedJsonIsAClientError() {
    String key = admin(hub().createTenant());
    String mappings = "[" + String.join(",", Collections.nCopies(200,
        "{\"source\":\"customer.emails[0]\",\"target\":\"" + "t".repeat(100) + "\"}")) + "]";

    HttpResponse<String> pasted = create(key, "{\"connector\":\"hubspot\",\"name\":\"x\","
        + "\"credentials\":{\"pat-na1-pasted-token\":true}}");
    HttpResponse<String> huge = create(key, "{\"connector\":\"hubspot\",\"name\":\"x\",\"baseUrl\":\""
        + HUBSPOT.baseUri() + "\",\"credentials\":{\"accessToken\":\"t\"},\"fieldMappings\":" + mappings + "}");
    HttpResponse<String> controlChars = create(key, "{\"connector\":\"hubspot\",\"name\":\"a\\u0000b\","
        + "\"baseUrl\":\"" + HUBSPOT.baseUri() + "\",\"credentials\":{\"accessToken\":\"t\"}}");

    assertThat(pasted.statusCode()).isEqualTo(400);
    assertThat(pasted.body()).doesNotContain("pat-na1-pasted-token").contains("credentials.*");
    assertThat(huge.statusCode()).as(huge.body()).isEqualTo(422);
    assertThat(fields(huge)).containsExactly("fieldMappings");
    assertThat(fields(controlChars)).containsExactly("name");
    assertThat(Hub.json(hub().api().get("/v1/integrations/third-party", key)).get("items")).isEmpty();
  }

  @Test
  void anotherTenantsIntegrationIsNotFoundForEveryOperation() {
    String owner = admin(hub().createTenant());
    String stranger = admin(hub().createTenant());
    String path = "/v1/integrations/third-party/" + Hub.json(create(owner, hubspotBody("pat-sim-valid-token"))).get("id").asText();

    assertThat(hub().api().get(path, stranger).statusCode()).isEqualTo(404);
    assertThat(hub().api().send("PATCH", path, stranger, "application/json", "{\"name\":\"mine\"}").statusCode()).isEqualTo(404);
    assertThat(hub().api().send("PUT", path + "/credentials", stranger, "application/json", "{\"accessToken\":\"x\"}")
        .statusCode()).isEqualTo(404);
    assertThat(hub().api().postJson(path + "/check", stranger, "").statusCode()).isEqualTo(404);
    assertThat(hub().api().delete(path, stranger).statusCode()).isEqualTo(404);
    assertThat(Hub.json(hub().api().get(path, owner)).get("name").asText()).isEqualTo("Main CRM");
  }

  @Test
  void patchChangesOnlyWhatItNamesAndDeleteDestroysTheCredentials() {
    String key = admin(hub().createTenant());
    String path = "/v1/integrations/third-party/" + Hub.json(create(key, hubspotBody("pat-sim-valid-token"))).get("id").asText();

    JsonNode patched = Hub.json(hub().api().send("PATCH", path, key, "application/json",
        "{\"name\":\"Renamed\",\"enabled\":false}"));
    HttpResponse<String> badPatch = hub().api().send("PATCH", path, key, "application/json",
        "{\"baseUrl\":\"https://10.0.0.8\"}");
    HttpResponse<String> deleted = hub().api().delete(path, key);

    assertThat(patched.get("name").asText()).isEqualTo("Renamed");
    assertThat(patched.get("enabled").asBoolean()).isFalse();
    assertThat(patched.get("settings").get("createDeal").asText()).isEqualTo("false");
    assertThat(fields(badPatch)).containsExactly("baseUrl");
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(hub().api().get(path, key).statusCode()).isEqualTo(404);
  }

  @Test
  void anExamplePluginJarDroppedInAndReloadedStartsAndCanBeChosen() {
    String key = admin(hub().createTenant());
    BuiltPlugins.copy(BuiltPlugins.EXAMPLE, plugins);

    HttpResponse<String> reload = hub().api().postJson("/v1/plugins/reload", hub().operatorKey(), "");
    HttpResponse<String> created = create(key, "{\"connector\":\"example\",\"name\":\"Example\","
        + "\"baseUrl\":\"" + HUBSPOT.baseUri() + "\",\"credentials\":{\"apiKey\":\"example-key\"}}");

    assertThat(reload.statusCode()).isEqualTo(200);
    JsonNode example = null;
    for (JsonNode plugin : Hub.json(reload).get("items")) {
      if (plugin.get("id").asText().equals("example")) {
        example = plugin;
      }
    }
    assertThat(example).as(reload.body()).isNotNull();
    assertThat(example.get("state").asText()).isEqualTo("STARTED");
    assertThat(example.get("version").asText()).as("its own version, not the hub's")
        .isEqualTo(BuiltPlugins.EXAMPLE_VERSION);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(Hub.json(created).get("connector").asText()).isEqualTo("example");
  }

  private static List<String> fields(HttpResponse<String> response) {
    List<String> fields = new ArrayList<>();
    JsonNode errors = Hub.json(response).get("errors");
    if (errors != null) {
      errors.forEach(e -> fields.add(e.get("field").asText()));
    }
    return fields;
  }
}

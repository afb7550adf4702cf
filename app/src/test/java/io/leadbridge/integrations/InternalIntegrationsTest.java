package io.leadbridge.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeApplication;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.TestApps;
import io.leadbridge.testing.TestDatabases;
import io.leadbridge.testing.VendorServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Internal (webhook) integrations through the API: write-only secrets, one 422 naming every fault,
 * the SSRF rules on endpoint and token URLs, mapping validation, checks against a receiver, pause
 * and resume, and tenant isolation. Runs on each database; not thread-safe (JUnit runs its tests
 * one at a time).
 */
@ParameterizedClass
@EnumSource(Db.class)
class InternalIntegrationsTest extends HubTest {

  static final String BASE = "/v1/integrations/internal";
  static final VendorServer RECEIVER = new VendorServer()
      .on("/hook", exchange -> VendorServer.respond(exchange, 204, ""))
      .on("/refuses", exchange -> VendorServer.respond(exchange, 401, "{\"error\":\"bad key\"}"));

  /**
   * The hub's database, to look at what the tables hold: each database's own, set before its hub
   * starts.
   */
  private static TestDatabases.Target target;

  @BeforeParameterizedClassInvocation
  static void freshDatabase(Db db) {
    target = TestDatabases.fresh(db);
  }

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.app(LeadbridgeApplication.class, "test-app.yml", target,
        ConfigOverride.config("integrations.allowedHosts", "127.0.0.1"));
  }

  private Jdbi database() {
    return Jdbi.create(target.url(), target.user(), target.password());
  }

  private String admin() {
    return hub().tenantKey(hub().createTenant(), Role.TENANT_ADMIN);
  }

  private HttpResponse<String> create(String key, String body) {
    return hub().api().postJson(BASE, key, body);
  }

  static String signingSecret() {
    return "sig-" + UUID.randomUUID() + "-" + UUID.randomUUID();
  }

  private static String apiKeyBody(String path, String apiKey) {
    return "{\"name\":\"Dealer DMS\",\"endpoint\":{\"url\":\"" + RECEIVER.url(path) + "\",\"method\":\"PUT\","
        + "\"headers\":{\"X-Team\":\"sales\"},\"timeoutMs\":2000},"
        + "\"auth\":{\"type\":\"api-key-header\",\"headerName\":\"X-Api-Key\",\"apiKey\":\"" + apiKey + "\"},"
        + "\"signingSecret\":\"" + signingSecret() + "\","
        + "\"fieldMappings\":[{\"source\":\"customer.lastName\",\"target\":\"contact.last\"},"
        + "{\"target\":\"origin\",\"transform\":{\"type\":\"constant\",\"value\":\"leadbridge\"}}]}";
  }

  @Test
  void aTenantMayHaveTwentyFiveWebhookIntegrationsAndTheTwentySixthIsRefusedStoringNothing() {
    String key = admin();
    for (int i = 0; i < 25; i++) {
      assertThat(create(key, apiKeyBody("/hook", "key-" + UUID.randomUUID())).statusCode()).isEqualTo(201);
    }
    int envelopes = database().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM credentials.envelopes")
        .mapTo(Integer.class).one());

    HttpResponse<String> refused = create(key, apiKeyBody("/hook", "key-" + UUID.randomUUID()));

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(Hub.json(refused).get("code").asText()).isEqualTo("integration_limit_reached");
    assertThat(Hub.json(refused).get("detail").asText()).contains("at most 25 internal integrations");
    assertThat(Hub.json(hub().api().get(BASE + "?limit=200", key)).get("items")).hasSize(25);
    int envelopesAfter = database().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM credentials.envelopes")
        .mapTo(Integer.class).one());
    assertThat(envelopesAfter).as("no secret stored for the refused one").isEqualTo(envelopes);
    assertThat(create(admin(), apiKeyBody("/hook", "key-" + UUID.randomUUID())).statusCode())
        .as("another tenant is not affected").isEqualTo(201);
  }

  @Test
  void secretsAreWriteOnlyAndTheViewShowsEndpointAuthSettingsAndState() {
    String key = admin();
    String apiKey = "key-" + UUID.randomUUID();

    HttpResponse<String> created = create(key, apiKeyBody("/hook", apiKey));
    JsonNode body = Hub.json(created);
    String path = BASE + "/" + body.get("id").asText();
    HttpResponse<String> read = hub().api().get(path, key);
    HttpResponse<String> list = hub().api().get(BASE + "?limit=1", key);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(path));
    assertThat(body.get("endpoint").get("method").asText()).isEqualTo("PUT");
    assertThat(body.get("endpoint").get("headers").get("X-Team").asText()).isEqualTo("sales");
    assertThat(body.get("endpoint").get("timeoutMs").asInt()).isEqualTo(2000);
    assertThat(body.get("auth").get("type").asText()).isEqualTo("api-key-header");
    assertThat(body.get("auth").get("headerName").asText()).isEqualTo("X-Api-Key");
    assertThat(body.get("auth").has("apiKey")).isFalse();
    assertThat(body.has("signingSecret")).isFalse();
    assertThat(body.get("credentials").get("set").asBoolean()).isTrue();
    assertThat(body.get("credentials").get("fingerprint").asText()).matches("[0-9a-f]{8}");
    assertThat(body.get("status").asText()).isEqualTo("active");
    assertThat(body.get("enabled").asBoolean()).isTrue();
    assertThat(body.get("fieldMappings").get(1).get("transform").get("value").asText()).isEqualTo("leadbridge");
    for (HttpResponse<String> r : List.of(created, read, list)) {
      assertThat(r.body()).doesNotContain(apiKey).doesNotContain("sig-");
    }
    assertThat(Hub.json(list).get("items")).hasSize(1);
    String row = database().withHandle(h -> h.createQuery("SELECT * FROM internal_integrations WHERE id = :id")
        .bind("id", UUID.fromString(body.get("id").asText())).mapToMap().one().toString());
    assertThat(row).doesNotContain(apiKey).doesNotContain("sig-");
  }

  @Test
  void everyBadFieldIsNamedInOne422AndNothingIsStored() {
    String key = admin();

    HttpResponse<String> bad = create(key, "{\"name\":\"\",\"endpoint\":{\"url\":\"https://169.254.169.254/hook\","
        + "\"method\":\"GET\",\"headers\":{\"Authorization\":\"x\"},\"timeoutMs\":5},"
        + "\"auth\":{\"type\":\"oauth2-client-credentials\",\"tokenUrl\":\"http://tokens.example.com/t\","
        + "\"clientSecret\":\"cs-pasted-value\",\"password\":\"pw-pasted-value\",\"scopes\":[\"a b\"]},"
        + "\"signingSecret\":\"too-short\","
        + "\"fieldMappings\":[{\"source\":\"customer..x\",\"target\":\"a\"},{\"source\":\"customer.lastName\",\"target\":\"a\"},"
        + "{\"source\":\"receivedAt\",\"target\":\"b\",\"transform\":{\"type\":\"date\",\"pattern\":\"yyyy-MM-dd'\",\"zone\":\"Mars/Base\"}},"
        + "{\"source\":\"customer.phones[0].number\",\"target\":\"c\",\"transform\":{\"type\":\"e164\",\"defaultCountry\":\"XX\"}},"
        + "{\"target\":\"d\",\"transform\":{\"type\":\"concat\",\"sources\":[]}},"
        + "{\"source\":\"comments\",\"target\":\"e\",\"transform\":{\"type\":\"shout\"}}]}");
    HttpResponse<String> missing = create(key, "{}");
    HttpResponse<String> unknownField = create(key, "{\"name\":\"x\",\"apiKey\":\"k\"}");

    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
    assertThat(Hub.json(bad).get("code").asText()).isEqualTo("validation_failed");
    assertThat(fields(bad)).containsExactlyInAnyOrder("name", "endpoint.url", "endpoint.method", "endpoint.headers",
        "endpoint.timeoutMs", "auth.password", "auth.tokenUrl", "auth.clientId", "auth.scopes[0]", "signingSecret",
        "fieldMappings[0].source", "fieldMappings[1].target", "fieldMappings[2].transform.pattern",
        "fieldMappings[2].transform.zone", "fieldMappings[3].transform.defaultCountry",
        "fieldMappings[4].transform.sources", "fieldMappings[5].transform.type");
    assertThat(bad.body()).doesNotContain("cs-pasted-value").doesNotContain("pw-pasted-value").doesNotContain("too-short");
    assertThat(fields(missing)).containsExactlyInAnyOrder("name", "endpoint", "auth", "signingSecret");
    assertThat(unknownField.statusCode()).isEqualTo(400);
    assertThat(Hub.json(hub().api().get(BASE, key)).get("items")).isEmpty();
  }

  @Test
  void privateAndPlainHttpEndpointsAreRefusedUnlessAllowListed() {
    String key = admin();

    List<String> urls = List.of("https://10.0.0.8/hook", "https://[::1]/hook", "http://hooks.example.com/x",
        "https://user:pw@hooks.example.com/x", "https://localhost/hook",
        // Java reads these hosts as 177.0.0.1 or not at all; WHATWG URL parsers read 127.0.0.1.
        "https://0177.0.0.1/hook", "https://0x7f.1/hook", "https://2130706433/hook", "https://hooks.example.com./x");
    for (String url : urls) {
      HttpResponse<String> r = create(key, "{\"name\":\"x\",\"endpoint\":{\"url\":\"" + url + "\"},"
          + "\"auth\":{\"type\":\"none\"},\"signingSecret\":\"" + signingSecret() + "\"}");
      assertThat(fields(r)).as(url).containsExactly("endpoint.url");
    }
    HttpResponse<String> token = create(key, "{\"name\":\"x\",\"endpoint\":{\"url\":\"" + RECEIVER.url("/hook") + "\"},"
        + "\"auth\":{\"type\":\"oauth2-client-credentials\",\"tokenUrl\":\"https://192.168.1.1/token\","
        + "\"clientId\":\"c\",\"clientSecret\":\"s\"},\"signingSecret\":\"" + signingSecret() + "\"}");
    assertThat(fields(token)).containsExactly("auth.tokenUrl");
  }

  @Test
  void checkSendsASignedPingAndReportsARefusal() {
    String key = admin();
    String ok = BASE + "/" + Hub.json(create(key, apiKeyBody("/hook", "key-ok"))).get("id").asText();
    String refused = BASE + "/" + Hub.json(create(key, apiKeyBody("/refuses", "key-refused"))).get("id").asText();

    JsonNode good = Hub.json(hub().api().postJson(ok + "/check", key, ""));
    JsonNode bad = Hub.json(hub().api().postJson(refused + "/check", key, ""));

    assertThat(good.get("ok").asBoolean()).as(good.toString()).isTrue();
    assertThat(bad.get("ok").asBoolean()).isFalse();
    assertThat(bad.get("detail").asText()).contains("401").doesNotContain("bad key").doesNotContain("key-refused");
    VendorServer.Received ping = RECEIVER.received().stream()
        .filter(r -> r.path().equals("/hook") && "key-ok".equals(r.header("X-Api-Key"))).findFirst().orElseThrow();
    assertThat(ping.body()).isEqualTo("{\"type\":\"ping\"}");
    assertThat(ping.method()).isEqualTo("PUT");
    assertThat(ping.header("X-Leadbridge-Signature")).matches("t=\\d+,v1=[0-9a-f]{64}");
  }

  @Test
  void replacingCredentialsMakesAPausedIntegrationActiveAndCanChangeTheFlow() {
    String key = admin();
    JsonNode created = Hub.json(create(key, apiKeyBody("/hook", "key-1")));
    String id = created.get("id").asText();
    database().useHandle(h -> h.createUpdate("UPDATE internal_integrations SET status = 'paused',"
        + " status_reason = 'the endpoint refused the credentials' WHERE id = :id").bind("id", UUID.fromString(id)).execute());
    JsonNode paused = Hub.json(hub().api().get(BASE + "/" + id, key));

    HttpResponse<String> badReplace = hub().api().send("PUT", BASE + "/" + id + "/credentials", key, "application/json",
        "{\"auth\":{\"type\":\"basic\",\"username\":\"dealer\"}}");
    HttpResponse<String> replaced = hub().api().send("PUT", BASE + "/" + id + "/credentials", key, "application/json",
        "{\"auth\":{\"type\":\"basic\",\"username\":\"dealer\",\"password\":\"pw-" + UUID.randomUUID() + "\"},"
            + "\"signingSecret\":\"" + signingSecret() + "\"}");
    JsonNode after = Hub.json(hub().api().get(BASE + "/" + id, key));

    assertThat(paused.get("status").asText()).isEqualTo("paused");
    assertThat(paused.get("statusReason").asText()).isEqualTo("the endpoint refused the credentials");
    assertThat(fields(badReplace)).containsExactlyInAnyOrder("auth.password", "signingSecret");
    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(204);
    assertThat(after.get("status").asText()).isEqualTo("active");
    assertThat(after.has("statusReason") && !after.get("statusReason").isNull()).isFalse();
    assertThat(after.get("auth").get("type").asText()).isEqualTo("basic");
    assertThat(after.get("auth").get("username").asText()).isEqualTo("dealer");
    assertThat(after.get("auth").has("headerName")).isFalse();
    assertThat(after.get("credentials").get("fingerprint").asText())
        .isNotEqualTo(created.get("credentials").get("fingerprint").asText());
  }

  @Test
  void patchChangesOnlyWhatItNamesAndDeleteDestroysTheSecrets() {
    String key = admin();
    JsonNode created = Hub.json(create(key, apiKeyBody("/hook", "key-p")));
    String path = BASE + "/" + created.get("id").asText();

    JsonNode patched = Hub.json(hub().api().send("PATCH", path, key, "application/json",
        "{\"name\":\"Renamed\",\"enabled\":false,\"fieldMappings\":[{\"source\":\"customer.emails[0]\","
            + "\"target\":\"email\",\"transform\":{\"type\":\"lowercase\"}}]}"));
    HttpResponse<String> badPatch = hub().api().send("PATCH", path, key, "application/json",
        "{\"endpoint\":{\"url\":\"https://10.1.2.3/x\"},\"fieldMappings\":[{\"target\":\"x\"}]}");
    UUID credential = database().withHandle(h -> h.createQuery("SELECT credential_id FROM internal_integrations"
        + " WHERE id = :id").bind("id", UUID.fromString(created.get("id").asText())).mapTo(UUID.class).one());
    HttpResponse<String> deleted = hub().api().delete(path, key);

    assertThat(patched.get("name").asText()).isEqualTo("Renamed");
    assertThat(patched.get("enabled").asBoolean()).isFalse();
    assertThat(patched.get("endpoint").get("method").asText()).isEqualTo("PUT");
    assertThat(patched.get("fieldMappings")).hasSize(1);
    assertThat(fields(badPatch)).containsExactlyInAnyOrder("endpoint.url", "fieldMappings[0].source");
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(hub().api().get(path, key).statusCode()).isEqualTo(404);
    int envelopes = database().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM credentials.envelopes WHERE id = :id")
        .bind("id", credential).mapTo(Integer.class).one());
    assertThat(envelopes).isZero();
  }

  @Test
  void anotherTenantsIntegrationIsNotFoundForEveryOperation() {
    String owner = admin();
    String stranger = admin();
    String path = BASE + "/" + Hub.json(create(owner, apiKeyBody("/hook", "key-o"))).get("id").asText();

    assertThat(hub().api().get(path, stranger).statusCode()).isEqualTo(404);
    assertThat(hub().api().send("PATCH", path, stranger, "application/json", "{\"name\":\"mine\"}").statusCode())
        .isEqualTo(404);
    assertThat(hub().api().send("PUT", path + "/credentials", stranger, "application/json",
        "{\"auth\":{\"type\":\"none\"},\"signingSecret\":\"" + signingSecret() + "\"}").statusCode()).isEqualTo(404);
    assertThat(hub().api().postJson(path + "/check", stranger, "").statusCode()).isEqualTo(404);
    assertThat(hub().api().delete(path, stranger).statusCode()).isEqualTo(404);
    assertThat(Hub.json(hub().api().get(BASE, stranger)).get("items")).isEmpty();
    assertThat(Hub.json(hub().api().get(path, owner)).get("name").asText()).isEqualTo("Dealer DMS");
  }

  static List<String> fields(HttpResponse<String> response) {
    List<String> fields = new ArrayList<>();
    JsonNode errors = Hub.json(response).get("errors");
    if (errors != null) {
      errors.forEach(e -> fields.add(e.get("field").asText()));
    }
    return fields;
  }
}

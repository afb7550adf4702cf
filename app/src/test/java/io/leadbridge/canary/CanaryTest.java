package io.leadbridge.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeApplication;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.audit.Actor;
import io.leadbridge.auth.Role;
import io.leadbridge.credentials.CredentialDecryptionException;
import io.leadbridge.credentials.CredentialRef;
import io.leadbridge.credentials.CredentialVault;
import io.leadbridge.credentials.CredentialsModule;
import io.leadbridge.credentials.SecretValue;
import io.leadbridge.simulators.adf.AdfReceiverSimulator;
import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import io.leadbridge.testing.BuiltPlugins;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.RawHttp;
import io.leadbridge.testing.TestApps;
import io.leadbridge.testing.TestDatabases;
import io.leadbridge.testing.VendorServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The run-time proof that no secret leaks: secrets containing {@code CANARY-<uuid>} are driven
 * through every credential path the hub has, with logging at DEBUG, and then every log line,
 * every HTTP response body and every row of every table (H2 SCRIPT, pg_dump) is searched for the
 * canary, as text and as hex. Extend {@link #driveEveryCredentialPath} when a path is added. Runs
 * on each database; not thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(Db.class)
class CanaryTest extends HubTest {

  static final String CANARY = "CANARY-" + UUID.randomUUID();
  private static final String CANARY_HEX = HexFormat.of().formatHex(CANARY.getBytes(StandardCharsets.UTF_8));
  private static final Actor ACTOR = Actor.system("canary");

  private final List<String> responseBodies = new ArrayList<>();

  static final HubSpotSimulator HUBSPOT = HubSpotSimulator.builder().token(CANARY + "-hubspot").start();

  /** A dealer CRM's ADF intake that takes a token and checks a body signature: both canaries. */
  static final AdfReceiverSimulator ADF_INTAKE = AdfReceiverSimulator.builder().token("X-Adf-Token", CANARY + "-adf")
      .signingSecret(CANARY + "-adf-signing").strict().start();

  /** A tenant's webhook receiver and OAuth token server; the token it issues is a canary too. */
  static final VendorServer RECEIVER = new VendorServer()
      .on("/token", e -> VendorServer.respond(e, 200, "{\"access_token\":\"" + CANARY + "-access\","
          + "\"token_type\":\"Bearer\",\"expires_in\":3600}", "Content-Type", "application/json"))
      .on("/bad-token", e -> VendorServer.respond(e, 200, "{\"access_token\":\"" + CANARY + "-access\\r\\nX-Injected: 1\","
          + "\"token_type\":\"Bearer\",\"expires_in\":3600}", "Content-Type", "application/json"))
      .on("/hook", e -> VendorServer.respond(e, 200, "{\"id\":\"r-1\"}"))
      .on("/echo", e -> VendorServer.respond(e, 401, "{\"youSent\":\""
          + String.valueOf(e.getRequestHeaders().getFirst("Authorization")) + "\"}"));

  /**
   * The current database (each has its own, set before its hub starts) and the directory of the
   * hub's log files: the scan reads back every row of one and every line of the other.
   */
  private static TestDatabases.Target database;
  private static Path logs;

  @BeforeParameterizedClassInvocation
  static void freshDatabaseAndLogs(Db db) {
    database = TestDatabases.fresh(db);
    logs = TestApps.tempDir();
  }

  /**
   * The hub on {@link #database} with the real HubSpot plugin (calling the simulator), logging
   * everything at DEBUG into files under {@link #logs}.
   */
  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    Path plugins = TestApps.tempDir();
    BuiltPlugins.copy(BuiltPlugins.HUBSPOT, plugins);
    BuiltPlugins.copy(BuiltPlugins.ADF, plugins);
    return TestApps.app(
        LeadbridgeApplication.class,
        "test-app-filelog.yml",
        database,
        plugins,
        ConfigOverride.config("integrations.allowedHosts", "127.0.0.1"),
        ConfigOverride.config("logging.level", "DEBUG"),
        ConfigOverride.config("logging.appenders[0].currentLogFilename", logs.resolve("app.log").toString()),
        ConfigOverride.config("server.requestLog.appenders[0].currentLogFilename", logs.resolve("requests.log").toString()));
  }

  @Test
  void noCanaryReachesALogLineAResponseBodyOrATableRow() throws Exception {
    driveEveryCredentialPath();

    assertThat(responseBodies).isNotEmpty();
    assertThat(responseBodies).noneMatch(CanaryTest::containsCanary);
    List<Path> logFiles;
    try (Stream<Path> files = Files.list(logs)) {
      logFiles = files.toList();
    }
    assertThat(logFiles).isNotEmpty();
    long debugLines = 0;
    for (Path file : logFiles) {
      String log = Files.readString(file);
      assertThat(containsCanary(log)).as("canary in %s", file.getFileName()).isFalse();
      debugLines += log.lines().filter(l -> l.contains("\"DEBUG\"")).count();
    }
    assertThat(debugLines).as("the app really logged at DEBUG").isPositive();
    String dump = DatabaseDump.of(database);
    assertThat(dump).contains("credentials");
    assertThat(containsCanary(dump)).as("canary in the database dump").isFalse();
  }

  private static boolean containsCanary(String text) {
    return text.contains(CANARY) || text.toLowerCase().contains(CANARY_HEX) || text.contains("CANARY-");
  }

  /** Every path a credential takes today; each step must also succeed, or the scan proves nothing. */
  private void driveEveryCredentialPath() throws Exception {
    Hub hub = hub();
    CredentialsModule credentials = hub.credentials();
    CredentialVault vault = credentials.vault();
    UUID tenant = UUID.fromString(Hub.json(record(hub.api().postJson("/v1/tenants", hub.operatorKey(),
        "{\"name\":\"Canary Motors\",\"slug\":\"canary-" + UUID.randomUUID().toString().substring(0, 8) + "\"}")))
        .get("id").asText());
    UUID leaver = hub.createTenant();

    CredentialRef ref = vault.store(tenant, Map.of("accessToken", SecretValue.of(CANARY + "-token"),
        "clientSecret", SecretValue.of(CANARY + "-client")), ACTOR).ref();
    vault.store(leaver, Map.of("apiKey", SecretValue.of(CANARY + "-leaver")), ACTOR);
    assertThat(vault.describe(tenant, ref).fields()).contains("accessToken");

    String opened = vault.open(tenant, ref, "check", ACTOR,
        c -> new String(c.field("accessToken").reveal(), StandardCharsets.UTF_8));
    assertThat(opened).isEqualTo(CANARY + "-token");
    vault.replace(tenant, ref, Map.of("accessToken", SecretValue.of(CANARY + "-replaced")), ACTOR);

    // error paths: a secret that refuses to serialize, a damaged envelope, a bad request carrying one
    assertThatThrownBy(() -> new ObjectMapper().writeValueAsString(Map.of("token", SecretValue.of(CANARY))))
        .hasMessageNotContaining("CANARY");
    CredentialRef damaged = vault.store(tenant, Map.of("accessToken", SecretValue.of(CANARY + "-damaged")), ACTOR).ref();
    damage(damaged);
    assertThatThrownBy(() -> vault.open(tenant, damaged, "deliver", ACTOR, c -> c.names()))
        .isInstanceOf(CredentialDecryptionException.class);
    HttpResponse<String> rejected = record(hub.api().postJson("/v1/tenants", hub.operatorKey(),
        "{\"name\":\"x\",\"slug\":\"ok-slug\",\"accessToken\":\"" + CANARY + "\"}"));
    assertThat(rejected.statusCode()).isEqualTo(400);

    driveTheIntegrationsApi(hub, tenant);
    driveTheAdfConnector(hub);
    driveTheInternalIntegrationsApi(hub, tenant);
    driveSecretsThatCannotBeSent(hub, tenant);
    driveValuesStoredBeforeTheRule(hub, tenant, vault);

    credentials.rotation().rotateTenant(tenant, ACTOR);
    credentials.rotation().rewrapAll("local:canary-next", ACTOR);
    assertThat(record(hub.api().delete("/v1/tenants/" + leaver, hub.operatorKey())).statusCode()).isEqualTo(204);

    driveTheHttpEdges(hub);
    record(hub.api().get("/v1/audit?limit=200", hub.operatorKey()));
    record(hub.api().get("/v1/tenants/" + tenant, hub.operatorKey()));
    record(hub.admin().get("/healthcheck", null));
    record(hub.admin().get("/metrics", null));
  }

  /**
   * The outputs that are not resource answers: the published document, and the errors Jetty answers
   * before any resource runs, each sent with a secret in a header (where a client's token travels).
   */
  private void driveTheHttpEdges(Hub hub) {
    assertThat(record(hub.api().get("/openapi.json", null)).statusCode()).isEqualTo(200);
    RawHttp raw = new RawHttp(app().getLocalPort());
    String bearer = "Authorization: Bearer " + CANARY + "-bearer";
    Map<String, RawHttp.Response> edges = Map.of(
        "431", raw.send("GET /v1/me HTTP/1.1", bearer, "X-Padding: " + CANARY + "a".repeat(20 * 1024)),
        "400 invalid_header", raw.send("GET /v1/me HTTP/1.1", bearer, "X-Note: " + CANARY + "\u0000"),
        "505", raw.send("GET /v1/me HTTP/9.9", bearer),
        "401", raw.send("GET /v1/me HTTP/1.1", bearer),
        "400 bad_request", raw.send("G@T /v1/me HTTP/1.1", bearer));
    edges.forEach((expected, response) -> {
      assertThat(expected).as(response.raw()).startsWith(Integer.toString(response.status()));
      responseBodies.add(response.raw());
    });
  }

  /**
   * The ADF connector, whose token the host puts into a header and whose signing secret the plugin
   * holds inside the signing callback: check, a signed delivery, then a refused token.
   */
  private void driveTheAdfConnector(Hub hub) {
    UUID tenant = hub.createTenant();
    String key = hub.tenantKey(tenant, Role.TENANT_ADMIN);
    HttpResponse<String> created = record(hub.api().postJson("/v1/integrations/third-party", key,
        "{\"connector\":\"adf\",\"name\":\"Dealer CRM\",\"baseUrl\":\"" + ADF_INTAKE.baseUri() + "\","
            + "\"settings\":{\"dealershipName\":\"Canary Motors\",\"dealershipEmail\":\"leads@canary.example\"},"
            + "\"credentials\":{\"token\":\"" + CANARY + "-adf\",\"signingSecret\":\"" + CANARY + "-adf-signing\"}}"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String path = "/v1/integrations/third-party/" + Hub.json(created).get("id").asText();
    JsonNode ok = Hub.json(record(hub.api().postJson(path + "/check", key, "")));
    assertThat(ok.get("ok").asBoolean()).as(ok.toString()).isTrue();
    awaitDelivery(hub, key, sendLead(hub, tenant), "delivered");
    assertThat(ADF_INTAKE.leads()).isNotEmpty();
    record(hub.api().send("PUT", path + "/credentials", key, "application/json",
        "{\"token\":\"" + CANARY + "-adf-wrong\",\"signingSecret\":\"" + CANARY + "-adf-signing\"}"));
    awaitDelivery(hub, key, sendLead(hub, tenant), "held");
    record(hub.api().get(path, key));
    assertThat(record(hub.api().delete(path, key)).statusCode()).isEqualTo(204);
  }

  /** Create, read, list, update, check (good and bad token), replace, bad input and delete over HTTP. */
  private void driveTheIntegrationsApi(Hub hub, UUID tenant) {
    String key = hub.tenantKey(tenant, Role.TENANT_ADMIN);
    String base = "/v1/integrations/third-party";
    HttpResponse<String> created = record(hub.api().postJson(base, key, "{\"connector\":\"hubspot\",\"name\":\"CRM\","
        + "\"baseUrl\":\"" + HUBSPOT.baseUri() + "\",\"credentials\":{\"accessToken\":\"" + CANARY + "-hubspot\"}}"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String path = base + "/" + Hub.json(created).get("id").asText();
    record(hub.api().get(path, key));
    record(hub.api().get(base, key));
    record(hub.api().send("PATCH", path, key, "application/json", "{\"name\":\"CRM 2\"}"));
    JsonNode ok = Hub.json(record(hub.api().postJson(path + "/check", key, "")));
    assertThat(ok.get("ok").asBoolean()).as(ok.toString()).isTrue();
    record(hub.api().send("PUT", path + "/credentials", key, "application/json",
        "{\"accessToken\":\"" + CANARY + "-wrong\"}"));
    JsonNode refused = Hub.json(record(hub.api().postJson(path + "/check", key, "")));
    assertThat(refused.get("ok").asBoolean()).isFalse();
    driveDeliveries(hub, tenant, path);
    HttpResponse<String> invalid = record(hub.api().postJson(base, key, "{\"connector\":\"hubspot\",\"name\":\"x\","
        + "\"baseUrl\":\"https://10.0.0.1\",\"credentials\":{\"" + CANARY + "\":\"" + CANARY + "\"}}"));
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(record(hub.api().send("PUT", path + "/credentials", key, "application/json", "{\"accessToken\":\"\"}"))
        .statusCode()).isEqualTo(422);
    assertThat(record(hub.api().delete(path, key)).statusCode()).isEqualTo(204);
  }

  /**
   * Deliveries, where the engine opens the credential at send time: a lead sent with the refused
   * token pauses the integration and is held; the good token again releases and delivers it.
   */
  private void driveDeliveries(Hub hub, UUID tenant, String integrationPath) {
    String key = hub.tenantKey(tenant, Role.TENANT_ADMIN);
    String leadId = sendLead(hub, tenant);
    awaitDelivery(hub, key, leadId, "held");
    record(hub.api().get(integrationPath, key));
    record(hub.api().get("/v1/deliveries?status=held&tenantId=" + tenant, hub.operatorKey()));
    record(hub.api().send("PUT", integrationPath + "/credentials", key, "application/json",
        "{\"accessToken\":\"" + CANARY + "-hubspot\"}"));
    awaitDelivery(hub, key, leadId, "delivered");
    record(hub.api().get("/v1/leads", key));
    record(hub.api().get("/v1/rollout", hub.operatorKey()));
    record(hub.api().send("PUT", integrationPath + "/credentials", key, "application/json",
        "{\"accessToken\":\"" + CANARY + "-wrong\"}"));
  }

  private String sendLead(Hub hub, UUID tenant) {
    HttpRequest request = HttpRequest.newBuilder(hub.api().uri("/v1/leads"))
        .header("Authorization", "Bearer " + hub.tenantKey(tenant, Role.TENANT_WRITER))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString("{\"customer\":{\"lastName\":\"Reyes\","
            + "\"emails\":[\"dana-" + UUID.randomUUID() + "@example.com\"]},\"vehicles\":[{\"year\":2021,\"make\":\"Honda\","
            + "\"model\":\"Accord\"}]}"))
        .build();
    HttpResponse<String> accepted = record(hub.api().send(request));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    return Hub.json(accepted).get("id").asText();
  }

  private void awaitDelivery(Hub hub, String key, String leadId, String status) {
    Instant deadline = Instant.now().plusSeconds(60);
    while (true) {
      JsonNode delivery = Hub.json(record(hub.api().get("/v1/leads/" + leadId, key))).get("deliveries").get(0);
      if (delivery.get("status").asText().equals(status)) {
        return;
      }
      assertThat(Instant.now()).as("delivery %s of lead %s: %s", status, leadId, delivery).isBefore(deadline);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Webhooks: create with an api key, check (signed ping), replace with basic and then OAuth client
   * credentials (the token server issues a canary token), check against a receiver that echoes the
   * Authorization header back in a 401, bad input carrying secrets, and delete.
   */
  private void driveTheInternalIntegrationsApi(Hub hub, UUID tenant) {
    String key = hub.tenantKey(tenant, Role.TENANT_ADMIN);
    String base = "/v1/integrations/internal";
    String signing = "\"signingSecret\":\"" + CANARY + "-signing-secret-padding\"";
    HttpResponse<String> created = record(hub.api().postJson(base, key, "{\"name\":\"DMS\",\"endpoint\":{\"url\":\""
        + RECEIVER.url("/hook") + "\"},\"auth\":{\"type\":\"api-key-header\",\"headerName\":\"X-Key\","
        + "\"apiKey\":\"" + CANARY + "-api-key\"}," + signing + "}"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String path = base + "/" + Hub.json(created).get("id").asText();
    assertThat(Hub.json(record(hub.api().postJson(path + "/check", key, ""))).get("ok").asBoolean()).isTrue();
    record(hub.api().send("PUT", path + "/credentials", key, "application/json", "{\"auth\":{\"type\":\"basic\","
        + "\"username\":\"dealer\",\"password\":\"" + CANARY + "-password\"}," + signing + "}"));
    assertThat(Hub.json(record(hub.api().postJson(path + "/check", key, ""))).get("ok").asBoolean()).isTrue();
    String oauth = "{\"auth\":{\"type\":\"oauth2-client-credentials\",\"tokenUrl\":\"" + RECEIVER.url("/token")
        + "\",\"clientId\":\"dms\",\"clientSecret\":\"" + CANARY + "-client-secret\"}," + signing + "}";
    assertThat(record(hub.api().send("PUT", path + "/credentials", key, "application/json", oauth)).statusCode())
        .isEqualTo(204);
    assertThat(Hub.json(record(hub.api().postJson(path + "/check", key, ""))).get("ok").asBoolean()).isTrue();
    record(hub.api().send("PATCH", path, key, "application/json",
        "{\"endpoint\":{\"url\":\"" + RECEIVER.url("/echo") + "\"}}"));
    JsonNode refused = Hub.json(record(hub.api().postJson(path + "/check", key, "")));
    assertThat(refused.get("ok").asBoolean()).isFalse();
    record(hub.api().get(path, key));
    record(hub.api().get(base, key));
    HttpResponse<String> invalid = record(hub.api().postJson(base, key, "{\"name\":\"x\",\"endpoint\":{\"url\":"
        + "\"https://10.0.0.1/x\"},\"auth\":{\"type\":\"none\",\"apiKey\":\"" + CANARY + "\"},"
        + "\"signingSecret\":\"" + CANARY + "\"}"));
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(record(hub.api().delete(path, key)).statusCode()).isEqualTo(204);
  }

  /**
   * JSON string contents (escapes as a client sends them) of secrets no header, form or log line
   * can carry as typed: a trailing newline, CR LF with an injected header, CR, NUL, BEL, DEL, TAB,
   * and one longer than any field takes.
   */
  private static List<String> unsendable(String label) {
    String value = CANARY + "-" + label;
    return List.of(value + "\\n", value + "\\r\\nX-Injected: 1", value + "\\rtail", value + "\\u0000tail",
        value + "\\u0007", value + "\\u007f", value + "\\ttab", value + "-" + "x".repeat(9000));
  }

  /**
   * Every secret field, and the webhook fields that travel next to one, given each unsendable
   * variant on create and on PUT …/credentials: each is a 422 naming the field, and nothing of
   * the value is kept, logged or answered (the scan after the run proves the last part).
   */
  private void driveSecretsThatCannotBeSent(Hub hub, UUID tenant) {
    String key = hub.tenantKey(tenant, Role.TENANT_ADMIN);
    String internal = "/v1/integrations/internal";
    String signing = "\"signingSecret\":\"signing-" + UUID.randomUUID() + "\"";
    HttpResponse<String> target = record(hub.api().postJson(internal, key, "{\"name\":\"DMS\",\"endpoint\":{\"url\":\""
        + RECEIVER.url("/hook") + "\"},\"auth\":{\"type\":\"none\"}," + signing + "}"));
    assertThat(target.statusCode()).as(target.body()).isEqualTo(201);
    String credentials = internal + "/" + Hub.json(target).get("id").asText() + "/credentials";
    String tokenUrl = RECEIVER.url("/token").toString();
    Map<String, Function<String, String>> webhookFields = new LinkedHashMap<>();
    webhookFields.put("auth.apiKey", v -> "{\"type\":\"api-key-header\",\"headerName\":\"X-Key\",\"apiKey\":\"" + v + "\"}");
    webhookFields.put("auth.headerName", v -> "{\"type\":\"api-key-header\",\"headerName\":\"" + v + "\",\"apiKey\":\"k1\"}");
    webhookFields.put("auth.username", v -> "{\"type\":\"basic\",\"username\":\"" + v + "\",\"password\":\"pw\"}");
    webhookFields.put("auth.password", v -> "{\"type\":\"basic\",\"username\":\"dealer\",\"password\":\"" + v + "\"}");
    webhookFields.put("auth.clientId", v -> "{\"type\":\"oauth2-client-credentials\",\"tokenUrl\":\"" + tokenUrl
        + "\",\"clientId\":\"" + v + "\",\"clientSecret\":\"cs\"}");
    webhookFields.put("auth.clientSecret", v -> "{\"type\":\"oauth2-client-credentials\",\"tokenUrl\":\"" + tokenUrl
        + "\",\"clientId\":\"dms\",\"clientSecret\":\"" + v + "\"}");
    webhookFields.forEach((field, auth) -> {
      for (String value : unsendable(field)) {
        assertRefused(field, record(hub.api().postJson(internal, key, "{\"name\":\"x\",\"endpoint\":{\"url\":\""
            + RECEIVER.url("/hook") + "\"},\"auth\":" + auth.apply(value) + "," + signing + "}")));
        assertRefused(field, record(hub.api().send("PUT", credentials, key, "application/json",
            "{\"auth\":" + auth.apply(value) + "," + signing + "}")));
      }
    });
    for (String value : unsendable("signing-secret")) {
      String signingSecret = "\"signingSecret\":\"" + value + "\"";
      assertRefused("signingSecret", record(hub.api().postJson(internal, key, "{\"name\":\"x\",\"endpoint\":{\"url\":\""
          + RECEIVER.url("/hook") + "\"},\"auth\":{\"type\":\"none\"}," + signingSecret + "}")));
      assertRefused("signingSecret", record(hub.api().send("PUT", credentials, key, "application/json",
          "{\"auth\":{\"type\":\"none\"}," + signingSecret + "}")));
    }
    for (String value : unsendable("endpoint-header")) {
      assertRefused("endpoint.headers.X-Dealer", record(hub.api().postJson(internal, key, "{\"name\":\"x\",\"endpoint\":"
          + "{\"url\":\"" + RECEIVER.url("/hook") + "\",\"headers\":{\"X-Dealer\":\"" + value + "\"}},"
          + "\"auth\":{\"type\":\"none\"}," + signing + "}")));
    }
    assertThat(record(hub.api().delete(internal + "/" + Hub.json(target).get("id").asText(), key)).statusCode())
        .isEqualTo(204);

    String thirdParty = "/v1/integrations/third-party";
    HttpResponse<String> crm = record(hub.api().postJson(thirdParty, key, "{\"connector\":\"hubspot\",\"name\":\"CRM\","
        + "\"baseUrl\":\"" + HUBSPOT.baseUri() + "\",\"credentials\":{\"accessToken\":\"" + CANARY + "-hubspot\"}}"));
    assertThat(crm.statusCode()).as(crm.body()).isEqualTo(201);
    String crmPath = thirdParty + "/" + Hub.json(crm).get("id").asText();
    for (String value : unsendable("hubspot-token")) {
      assertRefused("credentials.accessToken", record(hub.api().postJson(thirdParty, key, "{\"connector\":\"hubspot\","
          + "\"name\":\"CRM\",\"baseUrl\":\"" + HUBSPOT.baseUri() + "\",\"credentials\":{\"accessToken\":\"" + value + "\"}}")));
      assertRefused("credentials.accessToken", record(hub.api().send("PUT", crmPath + "/credentials", key,
          "application/json", "{\"accessToken\":\"" + value + "\"}")));
    }
    assertThat(record(hub.api().delete(crmPath, key)).statusCode()).isEqualTo(204);
  }

  private static void assertRefused(String field, HttpResponse<String> response) {
    assertThat(response.statusCode()).as("%s: %s", field, response.body()).isEqualTo(422);
    JsonNode problem = Hub.json(response);
    assertThat(problem.get("code").asText()).isEqualTo("validation_failed");
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).as(response.body()).contains(field);
  }

  /**
   * Secrets that got into the vault before the save-time rule (written here past the API) and an
   * OAuth token endpoint that issues a token with CR LF in it: checks and deliveries end in an
   * outcome that names the field, and nothing of the value reaches a log line, an answer or a row.
   */
  private void driveValuesStoredBeforeTheRule(Hub hub, UUID tenant, CredentialVault vault) {
    String key = hub.tenantKey(tenant, Role.TENANT_ADMIN);
    String internal = "/v1/integrations/internal";
    String signingSecret = CANARY + "-signing-secret-padding";
    HttpResponse<String> created = record(hub.api().postJson(internal, key, "{\"name\":\"DMS\",\"endpoint\":{\"url\":\""
        + RECEIVER.url("/hook") + "\"},\"auth\":{\"type\":\"api-key-header\",\"headerName\":\"X-Key\","
        + "\"apiKey\":\"" + CANARY + "-api-key\"},\"signingSecret\":\"" + signingSecret + "\"}"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String path = internal + "/" + Hub.json(created).get("id").asText();
    vault.replace(tenant, credentialOf("internal_integrations", Hub.json(created).get("id").asText()),
        Map.of("apiKey", SecretValue.of(CANARY + "-legacy-key\r\nX-Injected: 1"),
            "signingSecret", SecretValue.of(signingSecret)), ACTOR);
    JsonNode check = Hub.json(record(hub.api().postJson(path + "/check", key, "")));
    assertThat(check.get("ok").asBoolean()).as(check.toString()).isFalse();
    assertThat(check.get("detail").asText()).contains("apiKey cannot be sent in an HTTP header");
    String leadId = sendLead(hub, tenant);
    awaitDelivery(hub, key, leadId, "held");
    record(hub.api().get(path, key));
    assertThat(record(hub.api().delete(path, key)).statusCode()).isEqualTo(204);

    String oauth = "{\"name\":\"DMS\",\"endpoint\":{\"url\":\"" + RECEIVER.url("/hook") + "\"},\"auth\":{\"type\":"
        + "\"oauth2-client-credentials\",\"tokenUrl\":\"" + RECEIVER.url("/bad-token") + "\",\"clientId\":\"dms\","
        + "\"clientSecret\":\"" + CANARY + "-client-secret\"},\"signingSecret\":\"" + signingSecret + "\"}";
    HttpResponse<String> withBadTokens = record(hub.api().postJson(internal, key, oauth));
    assertThat(withBadTokens.statusCode()).as(withBadTokens.body()).isEqualTo(201);
    String oauthPath = internal + "/" + Hub.json(withBadTokens).get("id").asText();
    JsonNode refused = Hub.json(record(hub.api().postJson(oauthPath + "/check", key, "")));
    assertThat(refused.get("ok").asBoolean()).isFalse();
    assertThat(refused.get("detail").asText()).contains("access_token that cannot be sent");
    assertThat(record(hub.api().delete(oauthPath, key)).statusCode()).isEqualTo(204);

    String thirdParty = "/v1/integrations/third-party";
    HttpResponse<String> crm = record(hub.api().postJson(thirdParty, key, "{\"connector\":\"hubspot\",\"name\":\"CRM\","
        + "\"baseUrl\":\"" + HUBSPOT.baseUri() + "\",\"credentials\":{\"accessToken\":\"" + CANARY + "-hubspot\"}}"));
    assertThat(crm.statusCode()).as(crm.body()).isEqualTo(201);
    String crmPath = thirdParty + "/" + Hub.json(crm).get("id").asText();
    vault.replace(tenant, credentialOf("third_party_integrations", Hub.json(crm).get("id").asText()),
        Map.of("accessToken", SecretValue.of(CANARY + "-hubspot\n")), ACTOR);
    JsonNode crmCheck = Hub.json(record(hub.api().postJson(crmPath + "/check", key, "")));
    assertThat(crmCheck.get("ok").asBoolean()).as(crmCheck.toString()).isFalse();
    String crmLead = sendLead(hub, tenant);
    awaitAttempted(hub, key, crmLead);
    assertThat(record(hub.api().delete(crmPath, key)).statusCode()).isEqualTo(204);
  }

  /** The vault reference of an integration, read from its table as only the hub's own code would. */
  private CredentialRef credentialOf(String table, String integrationId) {
    Jdbi jdbi = Jdbi.create(database.url(), database.user(), database.password());
    return CredentialRef.of(jdbi.withHandle(h -> h.createQuery("SELECT credential_id FROM " + table + " WHERE id = ?")
        .bind(0, UUID.fromString(integrationId)).mapTo(UUID.class).one()));
  }

  private void awaitAttempted(Hub hub, String key, String leadId) {
    Instant deadline = Instant.now().plusSeconds(60);
    while (true) {
      JsonNode delivery = Hub.json(record(hub.api().get("/v1/leads/" + leadId, key))).get("deliveries").get(0);
      if (delivery.path("attempts").asInt() > 0) {
        return;
      }
      assertThat(Instant.now()).as("an attempt at lead %s: %s", leadId, delivery).isBefore(deadline);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private HttpResponse<String> record(HttpResponse<String> response) {
    responseBodies.add(response.body());
    return response;
  }

  private void damage(CredentialRef ref) {
    Jdbi jdbi = Jdbi.create(database.url(), database.user(), database.password());
    jdbi.useHandle(h -> {
      byte[] envelope = h.createQuery("SELECT envelope FROM credentials.envelopes WHERE id = ?")
          .bind(0, ref.id()).mapTo(byte[].class).one();
      envelope[envelope.length - 1] ^= 1;
      h.createUpdate("UPDATE credentials.envelopes SET envelope = ? WHERE id = ?").bind(0, envelope).bind(1, ref.id()).execute();
    });
  }
}

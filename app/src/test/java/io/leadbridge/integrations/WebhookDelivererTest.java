package io.leadbridge.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connectors.BuiltInConnector;
import io.leadbridge.connectors.CallTarget;
import io.leadbridge.connectors.RecordingRateLimits;
import io.leadbridge.storage.Databases;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.Leads;
import io.leadbridge.testing.TestApps;
import io.leadbridge.testing.VendorServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The built-in webhook deliverer against an in-process receiver and OAuth token server: the
 * signature as a receiver verifies it, each auth flow, token caching and single flight, status
 * mapping, timeouts, redirects, field mappings, and the engine's routes. Not thread-safe (JUnit
 * runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(value = Db.class, names = "H2")
class WebhookDelivererTest extends HubTest {

  static final VendorServer RECEIVER = new VendorServer();
  static final String LEAD = "{\"customer\":{\"emails\":[\"Dana@Example.com\"],\"firstName\":\"Dana\","
      + "\"lastName\":\"Reyes\",\"phones\":[{\"number\":\"(512) 555-0100\",\"type\":\"cellphone\"}]},"
      + "\"receivedAt\":\"2026-11-22T10:15:00Z\",\"source\":\"dealer-website\","
      + "\"vehicles\":[{\"make\":\"Honda\",\"model\":\"Accord\",\"year\":2021}]}";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestClock clock = new TestClock();
  private IntegrationsModule module;

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.app(db, ConfigOverride.config("integrations.allowedHosts", "127.0.0.1"));
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  /** A clock the test moves forward (token expiry), starting now. */
  static final class TestClock extends Clock {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    void advance(Duration by) {
      now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /** An integration made through the API, with what a receiver knows of it. */
  record Made(UUID tenant, UUID id, String signingSecret, String adminKey) {}

  private synchronized IntegrationsModule module() {
    if (module == null) {
      module = module("127.0.0.1");
    }
    return module;
  }

  private IntegrationsModule module(String... allowedHosts) {
    IntegrationsConfiguration config = new IntegrationsConfiguration();
    config.setAllowedHosts(List.of(allowedHosts));
    return new IntegrationsModule(Databases.forCommand(app().getConfiguration().database()),
        hub().credentials().vault(), config, clock);
  }

  private Made make(String path, String auth, String extra) {
    UUID tenant = hub().createTenant();
    String key = hub().tenantKey(tenant, Role.TENANT_ADMIN);
    String secret = "whsec-" + UUID.randomUUID() + UUID.randomUUID();
    HttpResponse<String> created = hub().api().postJson("/v1/integrations/internal", key,
        "{\"name\":\"DMS\",\"endpoint\":{\"url\":\"" + RECEIVER.url(path) + "\",\"timeoutMs\":1500,"
            + "\"headers\":{\"X-Dealer\":\"42\"}},\"auth\":" + auth + ",\"signingSecret\":\"" + secret + "\"" + extra + "}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return new Made(tenant, UUID.fromString(Hub.json(created).get("id").asText()), secret, key);
  }

  private Made make(String path) {
    return make(path, "{\"type\":\"none\"}", "");
  }

  private DeliveryOutcome deliver(Made made, UUID leadId) {
    return deliver(module(), made, leadId);
  }

  /** One lead through the built-in webhook connector, as the delivery engine sends it. */
  private DeliveryOutcome deliver(IntegrationsModule module, Made made, UUID leadId) {
    BuiltInConnector webhook = module.webhookConnector(ids -> Map.of(leadId, LEAD), new RecordingRateLimits());
    return webhook.deliver(CallTarget.of(made.tenant(), made.id(), Map.of()), List.of(Leads.lead().leadId(leadId).build()),
        clock.instant().plusSeconds(10)).get(0);
  }

  private List<VendorServer.Received> receivedAt(String path) {
    return RECEIVER.received().stream().filter(r -> r.path().equals(path)).toList();
  }

  private static String path() {
    return "/" + UUID.randomUUID();
  }

  /** What a receiver does: recompute the HMAC over "t.body" with its copy of the secret. */
  static boolean signatureValid(String header, String body, String secret) throws Exception {
    String t = header.split(",")[0].substring(2);
    String v1 = header.split(",")[1].substring(3);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
    return java.security.MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
  }

  @Test
  void sendsTheWholeLeadSignedWithItsIdAsIdempotencyKey() throws Exception {
    String path = path();
    RECEIVER.on(path, e -> VendorServer.respond(e, 200, "{\"id\":\"dms-77\"}"));
    Made made = make(path);
    UUID leadId = UUID.randomUUID();

    DeliveryOutcome outcome = deliver(made, leadId);

    assertThat(outcome).isEqualTo(DeliveryOutcome.delivered("dms-77", DeliveryOutcome.Change.UNKNOWN));
    VendorServer.Received request = receivedAt(path).get(0);
    JsonNode body = JSON.readTree(request.body());
    assertThat(request.method()).isEqualTo("POST");
    assertThat(body.get("leadId").asText()).isEqualTo(leadId.toString());
    assertThat(body.get("customer").get("lastName").asText()).isEqualTo("Reyes");
    assertThat(request.header("Idempotency-Key")).isEqualTo(leadId.toString());
    assertThat(request.header("X-Leadbridge-Lead-Id")).isEqualTo(leadId.toString());
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("X-Dealer")).isEqualTo("42");
    String signature = request.header("X-Leadbridge-Signature");
    assertThat(signature).matches("t=" + clock.instant().getEpochSecond() + ",v1=[0-9a-f]{64}");
    assertThat(signatureValid(signature, request.body(), made.signingSecret())).isTrue();
    assertThat(signatureValid(signature, request.body().replace("Reyes", "Reyez"), made.signingSecret())).isFalse();
    assertThat(signatureValid(signature, request.body(), "another-secret-of-the-same-length-000000")).isFalse();
  }

  @Test
  void apiKeyAndBasicFlowsSendTheirCredentials() {
    String path = path();
    RECEIVER.on(path, e -> VendorServer.respond(e, 202, ""));
    String apiKey = "ak-" + UUID.randomUUID();
    String password = "pw-" + UUID.randomUUID();
    Made keyed = make(path, "{\"type\":\"api-key-header\",\"headerName\":\"X-Api-Key\",\"apiKey\":\"" + apiKey + "\"}", "");
    Made basic = make(path, "{\"type\":\"basic\",\"username\":\"dealer\",\"password\":\"" + password + "\"}", "");
    UUID leadId = UUID.randomUUID();

    DeliveryOutcome viaKey = deliver(keyed, leadId);
    DeliveryOutcome viaBasic = deliver(basic, leadId);

    assertThat(viaKey).isEqualTo(DeliveryOutcome.delivered(leadId.toString(), DeliveryOutcome.Change.UNKNOWN));
    assertThat(viaBasic).isInstanceOf(DeliveryOutcome.Delivered.class);
    List<VendorServer.Received> received = receivedAt(path);
    assertThat(received.get(0).header("X-Api-Key")).isEqualTo(apiKey);
    assertThat(received.get(0).header("Authorization")).isNull();
    assertThat(received.get(1).header("Authorization")).isEqualTo(
        "Basic " + Base64.getEncoder().encodeToString(("dealer:" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** A token server on its own path: counts requests and issues numbered tokens. */
  private record TokenServer(String path, AtomicInteger requests, String clientSecret) {
    static TokenServer start(long expiresIn) {
      TokenServer server = new TokenServer(WebhookDelivererTest.path(), new AtomicInteger(), "cs-" + UUID.randomUUID() + "+/&");
      RECEIVER.on(server.path(), e -> {
        int n = server.requests().incrementAndGet();
        Thread.sleep(200);
        VendorServer.respond(e, 200, "{\"access_token\":\"at-" + n + "-" + server.path().substring(1)
            + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}", "Content-Type", "application/json");
      });
      return server;
    }

    String auth() {
      return "{\"type\":\"oauth2-client-credentials\",\"tokenUrl\":\"" + RECEIVER.url(path) + "\",\"clientId\":\"dealer app\","
          + "\"clientSecret\":\"" + clientSecret + "\",\"scopes\":[\"leads.write\",\"leads.read\"]}";
    }
  }

  @Test
  void twentyConcurrentDeliveriesShareOneTokenRequest() throws Exception {
    String path = path();
    RECEIVER.on(path, e -> VendorServer.respond(e, 200, ""));
    TokenServer tokens = TokenServer.start(3600);
    Made made = make(path, tokens.auth(), "");
    module();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<DeliveryOutcome>> outcomes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      outcomes.add(pool.submit(() -> {
        start.await();
        return deliver(made, UUID.randomUUID());
      }));
    }
    start.countDown();
    for (Future<DeliveryOutcome> outcome : outcomes) {
      assertThat(outcome.get()).isInstanceOf(DeliveryOutcome.Delivered.class);
    }
    pool.shutdown();

    assertThat(tokens.requests().get()).isEqualTo(1);
    assertThat(receivedAt(path)).hasSize(20)
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer at-1-" + tokens.path().substring(1)));
    VendorServer.Received tokenRequest = receivedAt(tokens.path()).get(0);
    assertThat(tokenRequest.body()).isEqualTo("grant_type=client_credentials&scope=leads.write+leads.read");
    String pair = new String(Base64.getDecoder().decode(tokenRequest.header("Authorization").substring(6)),
        StandardCharsets.UTF_8);
    assertThat(pair).isEqualTo("dealer+app:" + java.net.URLEncoder.encode(tokens.clientSecret(), StandardCharsets.UTF_8));
  }

  @Test
  void aTokenIsReusedUntilShortlyBeforeItExpiresThenRefreshed() {
    String path = path();
    RECEIVER.on(path, e -> VendorServer.respond(e, 200, ""));
    TokenServer tokens = TokenServer.start(300);
    Made made = make(path, tokens.auth(), "");

    deliver(made, UUID.randomUUID());
    clock.advance(Duration.ofSeconds(200));
    deliver(made, UUID.randomUUID());
    clock.advance(Duration.ofSeconds(80));
    DeliveryOutcome afterExpiry = deliver(made, UUID.randomUUID());

    assertThat(afterExpiry).isInstanceOf(DeliveryOutcome.Delivered.class);
    assertThat(tokens.requests().get()).isEqualTo(2);
    assertThat(receivedAt(path).get(2).header("Authorization")).startsWith("Bearer at-2-");
  }

  @Test
  void aRefusedTokenIsRefreshedExactlyOnceThenTheDeliveryIsAuthFailed() {
    String path = path();
    RECEIVER.on(path, e -> VendorServer.respond(e, 401, "{\"error\":\"invalid_token\"}"));
    TokenServer tokens = TokenServer.start(3600);
    Made made = make(path, tokens.auth(), "");

    DeliveryOutcome outcome = deliver(made, UUID.randomUUID());

    assertThat(outcome).isInstanceOf(DeliveryOutcome.AuthFailed.class);
    assertThat(((DeliveryOutcome.AuthFailed) outcome).message()).contains("401").doesNotContain("at-");
    assertThat(tokens.requests().get()).isEqualTo(2);
    assertThat(receivedAt(path)).hasSize(2);
  }

  @Test
  void aTokenEndpointThatRefusesTheClientIsAuthFailedAndOneThatIsDownIsRetryable() {
    String refusing = path();
    String down = path();
    RECEIVER.on(refusing, e -> VendorServer.respond(e, 401, "{\"error\":\"invalid_client\"}"));
    RECEIVER.on(down, e -> VendorServer.respond(e, 503, ""));
    String auth = "{\"type\":\"oauth2-client-credentials\",\"tokenUrl\":\"%s\",\"clientId\":\"c\",\"clientSecret\":\"s\"}";

    DeliveryOutcome refused = deliver(make(path(), String.format(auth, RECEIVER.url(refusing)), ""), UUID.randomUUID());
    DeliveryOutcome unavailable = deliver(make(path(), String.format(auth, RECEIVER.url(down)), ""), UUID.randomUUID());

    assertThat(refused).isInstanceOf(DeliveryOutcome.AuthFailed.class);
    assertThat(unavailable).isInstanceOf(DeliveryOutcome.Retryable.class);
  }

  @Test
  void eachStatusMapsToTheOutcomeTheEngineActsOn() {
    String echo = "ak-echoed-" + UUID.randomUUID();
    assertThat(outcomeFor(201, "")).isInstanceOf(DeliveryOutcome.Delivered.class)
        .extracting(o -> ((DeliveryOutcome.Delivered) o).change()).isEqualTo(DeliveryOutcome.Change.CREATED);
    assertThat(outcomeFor(429, "", "Retry-After", "7"))
        .isEqualTo(DeliveryOutcome.rateLimited(Duration.ofSeconds(7), io.leadbridge.connector.api.http.RateLimitScope.WINDOW));
    assertThat(outcomeFor(503, "", "Retry-After", "3")).isInstanceOf(DeliveryOutcome.RateLimited.class);
    assertThat(outcomeFor(503, "")).isInstanceOf(DeliveryOutcome.Retryable.class);
    assertThat(outcomeFor(500, "")).isInstanceOf(DeliveryOutcome.Retryable.class);
    assertThat(outcomeFor(408, "")).isInstanceOf(DeliveryOutcome.Retryable.class);
    assertThat(outcomeFor(425, "")).isInstanceOf(DeliveryOutcome.Retryable.class);
    assertThat(outcomeFor(403, "")).isInstanceOf(DeliveryOutcome.AuthFailed.class);
    DeliveryOutcome rejected = outcomeFor(422, "{\"error\":\"bad field\",\"echo\":\"" + echo + "\"}");
    assertThat(rejected).isInstanceOf(DeliveryOutcome.Rejected.class);
    assertThat(((DeliveryOutcome.Rejected) rejected).code()).isEqualTo("http_422");
    assertThat(rejected.toString()).doesNotContain(echo).doesNotContain("bad field");
  }

  @Test
  void aReceiversPauseStopsTheRestOfTheBatchUnsentAndIsRecordedForItsOrigin() {
    String path = path();
    RECEIVER.on(path, e -> VendorServer.respond(e, 429, "", "Retry-After", "120"));
    Made made = make(path);
    List<UUID> leads = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    RecordingRateLimits limits = new RecordingRateLimits();
    String origin = "http://127.0.0.1:" + RECEIVER.url(path).getPort();

    List<DeliveryOutcome> outcomes = module().webhookConnector(ids -> Map.of(leads.get(0), LEAD, leads.get(1), LEAD,
            leads.get(2), LEAD), limits)
        .deliver(new CallTarget(made.tenant(), made.id(), java.util.Optional.empty(), Map.of(), origin),
            leads.stream().map(id -> Leads.lead().leadId(id).build()).toList(), clock.instant().plusSeconds(10));

    assertThat(outcomes).hasSize(3).allSatisfy(o -> assertThat(o).isInstanceOf(DeliveryOutcome.RateLimited.class));
    assertThat(receivedAt(path)).hasSize(1);
    assertThat(limits.retryAfters()).singleElement().satisfies(pause -> {
      assertThat(pause.getKey().account()).isEqualTo(origin);
      assertThat(pause.getValue()).isEqualTo(Duration.ofSeconds(120));
    });
  }

  @Test
  void aLeadNoLongerStoredIsRejectedWithoutARequest() {
    String path = path();
    RECEIVER.on(path, e -> VendorServer.respond(e, 200, ""));
    Made made = make(path);

    List<DeliveryOutcome> outcomes = module().webhookConnector(ids -> Map.of(), new RecordingRateLimits())
        .deliver(CallTarget.of(made.tenant(), made.id(), Map.of()), List.of(Leads.lead().build()),
            clock.instant().plusSeconds(10));

    assertThat(outcomes).singleElement().satisfies(o ->
        assertThat(((DeliveryOutcome.Rejected) o).code()).isEqualTo("lead_missing"));
    assertThat(receivedAt(path)).isEmpty();
  }

  private DeliveryOutcome outcomeFor(int status, String body, String... headers) {
    String path = path();
    RECEIVER.on(path, e -> VendorServer.respond(e, status, body, headers));
    return deliver(make(path), UUID.randomUUID());
  }

  @Test
  void redirectsAreNotFollowed() {
    String path = path();
    String target = path();
    RECEIVER.on(path, e -> VendorServer.respond(e, 307, "", "Location", RECEIVER.url(target).toString()));
    RECEIVER.on(target, e -> VendorServer.respond(e, 200, ""));

    DeliveryOutcome outcome = deliver(make(path), UUID.randomUUID());

    assertThat(outcome).isInstanceOf(DeliveryOutcome.Rejected.class);
    assertThat(((DeliveryOutcome.Rejected) outcome).code()).isEqualTo("redirect_refused");
    assertThat(receivedAt(target)).isEmpty();
  }

  @Test
  void aReceiverThatNeverAnswersEndsWithinTheTimeoutAsRetryable() {
    String path = path();
    CountDownLatch release = new CountDownLatch(1);
    RECEIVER.on(path, e -> {
      release.await();
      VendorServer.respond(e, 200, "");
    });
    Made made = make(path);
    long started = System.nanoTime();

    DeliveryOutcome outcome = deliver(made, UUID.randomUUID());
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    release.countDown();

    assertThat(outcome).isInstanceOf(DeliveryOutcome.Retryable.class);
    assertThat(((DeliveryOutcome.Retryable) outcome).reason()).contains("no answer within 1500 ms");
    assertThat(took).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void fieldMappingsShapeTheBody() throws Exception {
    String path = path();
    RECEIVER.on(path, e -> VendorServer.respond(e, 200, ""));
    Made made = make(path, "{\"type\":\"none\"}", ",\"fieldMappings\":["
        + "{\"source\":\"customer.emails[0]\",\"target\":\"contact.email\",\"transform\":{\"type\":\"lowercase\"}},"
        + "{\"source\":\"customer.phones[0].number\",\"target\":\"contact.phone\",\"transform\":{\"type\":\"e164\"}},"
        + "{\"target\":\"contact.name\",\"transform\":{\"type\":\"concat\",\"sources\":[\"customer.firstName\","
        + "\"customer.lastName\"],\"separator\":\" \"}},"
        + "{\"source\":\"receivedAt\",\"target\":\"received\",\"transform\":{\"type\":\"date\",\"pattern\":\"yyyy-MM-dd HH:mm\","
        + "\"zone\":\"America/Chicago\"}},"
        + "{\"target\":\"origin\",\"transform\":{\"type\":\"constant\",\"value\":\"leadbridge\"}},"
        + "{\"source\":\"vehicles[0].year\",\"target\":\"vehicle.year\"},"
        + "{\"source\":\"tradeIn.make\",\"target\":\"tradeIn\"},"
        + "{\"source\":\"leadId\",\"target\":\"ref\"}]");
    UUID leadId = UUID.randomUUID();

    deliver(made, leadId);

    JsonNode body = JSON.readTree(receivedAt(path).get(0).body());
    assertThat(body.get("contact").get("email").asText()).isEqualTo("dana@example.com");
    assertThat(body.get("contact").get("phone").asText()).isEqualTo("+15125550100");
    assertThat(body.get("contact").get("name").asText()).isEqualTo("Dana Reyes");
    assertThat(body.get("received").asText()).isEqualTo("2026-11-22 04:15");
    assertThat(body.get("origin").asText()).isEqualTo("leadbridge");
    assertThat(body.get("vehicle").get("year").asInt()).isEqualTo(2021);
    assertThat(body.has("tradeIn")).isFalse();
    assertThat(body.get("ref").asText()).isEqualTo(leadId.toString());
    assertThat(body.has("customer")).isFalse();
  }

  @Test
  void theEndpointIsCheckedAgainstTheUrlPolicyAgainAtSendTime() {
    String path = path();
    RECEIVER.on(path, e -> VendorServer.respond(e, 200, ""));
    Made made = make(path);

    DeliveryOutcome outcome = deliver(module(new String[0]), made, UUID.randomUUID());

    assertThat(outcome).isInstanceOf(DeliveryOutcome.Rejected.class);
    assertThat(((DeliveryOutcome.Rejected) outcome).code()).isEqualTo("endpoint_not_allowed");
    assertThat(receivedAt(path)).isEmpty();
  }

  @Test
  void routesServeInternalIntegrationsAndPauseShowsInTheApi() {
    Made made = make(path());
    DeliveryRoutes routes = module().internalDeliveryRoutes();

    DeliveryRoute route = routes.find(IntegrationKind.INTERNAL, made.id()).orElseThrow();
    routes.pause(IntegrationKind.INTERNAL, made.id(), "the endpoint refused the integration's credentials (HTTP 401)");
    JsonNode view = Hub.json(hub().api().get("/v1/integrations/internal/" + made.id(), made.adminKey()));

    assertThat(route.connectorId()).isEqualTo(DeliveryRoute.WEBHOOK);
    assertThat(route.tenantId()).isEqualTo(made.tenant());
    assertThat(route.accepting()).isTrue();
    assertThat(route.baseUrl()).isEmpty();
    assertThat(routes.find(IntegrationKind.INTERNAL, made.id()).orElseThrow().accepting()).isFalse();
    assertThat(view.get("status").asText()).isEqualTo("paused");
    assertThat(view.get("statusReason").asText()).contains("HTTP 401");
    assertThat(routes.find(IntegrationKind.INTERNAL, UUID.randomUUID())).isEmpty();
    assertThatThrownBy(() -> routes.find(IntegrationKind.THIRD_PARTY, made.id()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

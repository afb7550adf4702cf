package io.leadbridge.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeApplication;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.testing.ConnectorSource;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.PluginJar;
import io.leadbridge.testing.Poll;
import io.leadbridge.testing.TestApps;
import io.leadbridge.testing.TestDatabases;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A plugin that echoes its own token in every text it hands back — check detail, retry reason,
 * rejection message, refusal message, remote id, its log lines — with CR, LF, NUL and a bidi
 * override around it: with logging at DEBUG, no log line, no response body and no table row holds
 * the token, on both databases.
 */
class PluginEchoCanaryTest {

  private static final String TOKEN = "CANARY-echo-" + UUID.randomUUID();

  private final List<String> responses = new ArrayList<>();

  @ParameterizedTest
  @EnumSource(Db.class)
  void whatAPluginReturnsCarriesNoTraceOfItsSecret(Db db) throws Exception {
    TestDatabases.Target database = TestDatabases.fresh(db);
    Path logs = TestApps.tempDir();
    Path plugins = TestApps.tempDir();
    PluginJar.of(echo()).writeTo(plugins, "echo.jar");
    DropwizardAppExtension<LeadbridgeConfiguration> app = TestApps.app(LeadbridgeApplication.class,
        "test-app-filelog.yml", database, plugins,
        ConfigOverride.config("logging.level", "DEBUG"),
        ConfigOverride.config("logging.appenders[0].currentLogFilename", logs.resolve("app.log").toString()),
        ConfigOverride.config("server.requestLog.appenders[0].currentLogFilename", logs.resolve("requests.log").toString()));
    app.before();
    try {
      drive(new Hub(app));
    } finally {
      app.after();
    }

    assertThat(responses).isNotEmpty().noneMatch(body -> body.contains("CANARY-"));
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.toList()) {
        assertThat(Files.readString(file)).as("log %s", file.getFileName()).doesNotContain("CANARY-");
      }
    }
    assertThat(DatabaseDump.of(database)).contains("deliveries").doesNotContain("CANARY-");
  }

  private void drive(Hub hub) {
    UUID tenant = hub.createTenant();
    String admin = hub.tenantKey(tenant, Role.TENANT_ADMIN);
    HttpResponse<String> created = record(hub.api().postJson("/v1/integrations/third-party", admin,
        "{\"connector\":\"example\",\"name\":\"Echo\",\"credentials\":{\"apiKey\":\"" + TOKEN + "\"}}"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String integration = "/v1/integrations/third-party/" + Hub.json(created).get("id").asText();
    JsonNode check = Hub.json(record(hub.api().postJson(integration + "/check", admin, "")));
    assertThat(check.get("detail").asText()).contains("[REDACTED]");

    List<String> leads = new ArrayList<>();
    for (String mode : List.of("deliver", "retry", "reject")) {
      leads.add(sendLead(hub, tenant, mode));
    }
    Poll.until("every echo outcome recorded", Duration.ofSeconds(30), () -> leads.stream()
        .map(lead -> delivery(hub, admin, lead)).allMatch(d -> d.get("attempts").asInt() >= 1));
    Poll.until("the delivered and the rejected lead done", Duration.ofSeconds(30),
        () -> delivery(hub, admin, leads.get(0)).get("status").asText().equals("delivered")
            && delivery(hub, admin, leads.get(2)).get("status").asText().equals("dead"));
    assertThat(delivery(hub, admin, leads.get(0)).get("remoteId").asText()).isEqualTo("id-[REDACTED]");
    String refused = sendLead(hub, tenant, "refuse");
    Poll.until("the refused lead held", Duration.ofSeconds(30),
        () -> delivery(hub, admin, refused).get("status").asText().equals("held"));
    record(hub.api().get(integration, admin));
    record(hub.api().get("/v1/leads", admin));
    record(hub.api().get("/v1/deliveries?status=dead&tenantId=" + tenant, hub.operatorKey()));
    record(hub.api().get("/v1/deliveries?status=held&tenantId=" + tenant, hub.operatorKey()));
  }

  private JsonNode delivery(Hub hub, String key, String lead) {
    return Hub.json(record(hub.api().get("/v1/leads/" + lead, key))).get("deliveries").get(0);
  }

  private String sendLead(Hub hub, UUID tenant, String mode) {
    HttpRequest request = HttpRequest.newBuilder(hub.api().uri("/v1/leads"))
        .header("Authorization", "Bearer " + hub.tenantKey(tenant, Role.TENANT_WRITER))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString("{\"customer\":{\"lastName\":\"Reyes\",\"emails\":[\"dana-"
            + UUID.randomUUID() + "@example.com\"]},\"vehicles\":[{\"year\":2021,\"make\":\"Honda\",\"model\":\"Accord\"}],"
            + "\"customFields\":{\"mode\":\"" + mode + "\"}}"))
        .build();
    HttpResponse<String> accepted = record(hub.api().send(request));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    return Hub.json(accepted).get("id").asText();
  }

  private HttpResponse<String> record(HttpResponse<String> response) {
    responses.add(response.body());
    return response;
  }

  /** Reads its token and puts it, wrapped in control and bidi characters, into whatever it returns. */
  private static ConnectorSource echo() {
    return ConnectorSource.connector("example", "1.0.0")
        .members("""
            private static String echoed(ConnectorContext context) {
              String token = context.credentials().withSecret("apiKey", secret -> new String(secret.chars()));
              context.log().warn("my token is {}", token);
              return "\\r\\n\\u0000\\u202e" + token + "\\u200b\\n";
            }""")
        .checkBody("return CheckResult.success(\"detail \" + echoed(context));")
        .deliverBody("""
            List<DeliveryOutcome> outcomes = new ArrayList<>();
            for (LeadRecord lead : batch) {
              String echo = echoed(context);
              switch (lead.customFields().getOrDefault("mode", "")) {
                case "retry" -> outcomes.add(DeliveryOutcome.retryable("the vendor saw " + echo));
                case "reject" -> outcomes.add(DeliveryOutcome.rejected("bad_lead", "the vendor saw " + echo));
                case "refuse" -> outcomes.add(DeliveryOutcome.authFailed("the vendor refused " + echo));
                default -> outcomes.add(DeliveryOutcome.created("id-" + echo.strip()));
              }
            }
            return outcomes;""");
  }
}

package io.leadbridge.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.testing.ConnectorSource;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.PluginJar;
import io.leadbridge.testing.Poll;
import io.leadbridge.testing.TestApps;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A plugin whose deliveries end in an {@code Error} call after call, driven by the real delivery
 * engine on both databases: after {@code quarantineAfter} such calls in a row it is FAILED with a
 * {@code quarantined:} cause, its integrations' leads are held (counted attempts, never dead), the
 * hub serves on, and a reload of the fixed plugin delivers every held lead.
 */
class PluginQuarantineTest {

  /** While this system property is set, the plugin's deliver throws its own Error. */
  private static final String DOOMED = "leadbridge.test.doomed-" + UUID.randomUUID();

  @ParameterizedTest
  @EnumSource(Db.class)
  void aPluginWhoseCallsEndInErrorsIsQuarantinedItsWorkHeldAndAReloadDeliversIt(Db db) throws Exception {
    Path plugins = TestApps.tempDir();
    PluginJar.of(doomedConnector()).writeTo(plugins, "doomed.jar");
    DropwizardAppExtension<LeadbridgeConfiguration> app = TestApps.appWithPlugins(db, plugins,
        ConfigOverride.config("connectors.containment.quarantineAfter", "3"));
    System.setProperty(DOOMED, "yes");
    app.before();
    try {
      Hub hub = new Hub(app);
      UUID tenant = hub.createTenant();
      String admin = hub.tenantKey(tenant, Role.TENANT_ADMIN);
      HttpResponse<String> created = hub.api().postJson("/v1/integrations/third-party", admin,
          "{\"connector\":\"example\",\"name\":\"CRM\",\"credentials\":{\"apiKey\":\"k-" + UUID.randomUUID() + "\"}}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      List<String> leads = List.of(sendLead(hub, tenant), sendLead(hub, tenant));

      Poll.until("the plugin quarantined", Duration.ofSeconds(30), () -> plugin(hub).get("state").asText().equals("FAILED"));
      assertThat(plugin(hub).get("cause").asText())
          .startsWith("quarantined: 3 calls in a row ended in an Error or over budget (the last: Doom: the end of the world)");
      Poll.until("both leads held", Duration.ofSeconds(30), () -> held(hub, tenant).size() == 2);
      for (JsonNode delivery : held(hub, tenant)) {
        assertThat(delivery.get("holdReason").asText()).isEqualTo("connector_quarantined");
        assertThat(delivery.get("attempts").asInt()).isGreaterThanOrEqualTo(1);
      }
      assertThat(hub.api().get("/v1/me", admin).statusCode()).isEqualTo(200);

      System.clearProperty(DOOMED);
      HttpResponse<String> reload = hub.api().postJson("/v1/plugins/reload", hub.operatorKey(), "");
      assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
      assertThat(plugin(hub).get("state").asText()).isEqualTo("STARTED");
      Poll.until("every held lead delivered", Duration.ofSeconds(30), () -> leads.stream()
          .allMatch(lead -> status(hub, admin, lead).equals("delivered")));
    } finally {
      System.clearProperty(DOOMED);
      app.after();
    }
  }

  private static ConnectorSource doomedConnector() {
    return ConnectorSource.connector("example", "1.0.0")
        .members("""
            static class Doom extends Error {
              Doom(String message) { super(message); }
            }""")
        .deliverBody("""
            if (System.getProperty("%s") != null) {
              throw new Doom("the end of the world");
            }
            List<DeliveryOutcome> outcomes = new ArrayList<>();
            for (LeadRecord lead : batch) {
              outcomes.add(DeliveryOutcome.created("fine-" + lead.leadId()));
            }
            return outcomes;""".formatted(DOOMED));
  }

  private static String sendLead(Hub hub, UUID tenant) {
    String body = "{\"customer\":{\"lastName\":\"Reyes\",\"emails\":[\"dana-" + UUID.randomUUID() + "@example.com\"]},"
        + "\"vehicles\":[{\"year\":2021,\"make\":\"Honda\",\"model\":\"Accord\"}]}";
    HttpRequest request = HttpRequest.newBuilder(hub.api().uri("/v1/leads"))
        .header("Authorization", "Bearer " + hub.tenantKey(tenant, Role.TENANT_WRITER))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> accepted = hub.api().send(request);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    return Hub.json(accepted).get("id").asText();
  }

  private static JsonNode plugin(Hub hub) {
    return Hub.json(hub.api().get("/v1/plugins", hub.operatorKey())).get("items").get(0);
  }

  private static List<JsonNode> held(Hub hub, UUID tenant) {
    List<JsonNode> held = new ArrayList<>();
    Hub.json(hub.api().get("/v1/deliveries?status=held&tenantId=" + tenant, hub.operatorKey())).get("items")
        .forEach(held::add);
    return held;
  }

  private static String status(Hub hub, String key, String leadId) {
    return Hub.json(hub.api().get("/v1/leads/" + leadId, key)).get("deliveries").get(0).get("status").asText();
  }
}

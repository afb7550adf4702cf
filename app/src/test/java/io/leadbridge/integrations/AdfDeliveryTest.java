package io.leadbridge.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.simulators.adf.AdfReceiverSimulator;
import io.leadbridge.simulators.adf.ReceivedLead;
import io.leadbridge.testing.BuiltPlugins;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.Poll;
import io.leadbridge.testing.TestApps;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A JSON lead sent to the hub reaches a dealer CRM's ADF intake as strictly valid ADF 1.0, through
 * the real ADF plugin jar, on each database; the intake's token never shows. Not thread-safe (JUnit
 * runs one test at a time).
 */
@ParameterizedClass
@EnumSource(Db.class)
class AdfDeliveryTest extends HubTest {

  private static final String TOKEN = "adf-intake-" + UUID.randomUUID();
  static final AdfReceiverSimulator CRM = AdfReceiverSimulator.builder().token("X-Adf-Token", TOKEN).strict().start();

  @AfterAll
  static void stopCrm() {
    CRM.close();
  }

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    Path plugins = TestApps.tempDir();
    BuiltPlugins.copy(BuiltPlugins.ADF, plugins);
    return TestApps.appWithPlugins(db, plugins, ConfigOverride.config("integrations.allowedHosts", "127.0.0.1"));
  }

  private String connect(String admin, String token) {
    HttpResponse<String> created = hub().api().postJson("/v1/integrations/third-party", admin,
        "{\"connector\":\"adf\",\"name\":\"Dealer CRM (ADF)\",\"baseUrl\":\"" + CRM.baseUri() + "\","
            + "\"settings\":{\"dealershipName\":\"Austin Motors\",\"dealershipEmail\":\"leads@austin-motors.example\","
            + "\"path\":\"/adf/leads\",\"timeZone\":\"America/Chicago\"},"
            + "\"credentials\":{\"token\":\"" + token + "\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).doesNotContain(token);
    return Hub.json(created).get("id").asText();
  }

  private static String apiMdLead() {
    try (InputStream in = AdfDeliveryTest.class.getResourceAsStream("/io/leadbridge/web/examples/submitLead.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends API.md's lead as the tenant's writer and waits until its one delivery has {@code status}. */
  private String sendAndAwait(UUID tenant, String status) {
    HttpResponse<String> accepted = hub().api().send(HttpRequest.newBuilder(hub().api().uri("/v1/leads"))
        .header("Authorization", "Bearer " + hub().tenantKey(tenant, Role.TENANT_WRITER))
        .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(apiMdLead())).build());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String leadId = Hub.json(accepted).get("id").asText();
    String admin = hub().tenantKey(tenant, Role.TENANT_ADMIN);
    Poll.until("the lead " + status, Duration.ofSeconds(30), () -> status.equals(
        Hub.json(hub().api().get("/v1/leads/" + leadId, admin)).get("deliveries").get(0).get("status").asText()));
    return leadId;
  }

  @Test
  void aJsonLeadArrivesAsStrictAdfWithItsLeadIdAndTheCheckPasses() {
    UUID tenant = hub().createTenant();
    String admin = hub().tenantKey(tenant, Role.TENANT_ADMIN);
    String integration = connect(admin, TOKEN);
    JsonNode check = Hub.json(hub().api().postJson("/v1/integrations/third-party/" + integration + "/check", admin, ""));

    String leadId = sendAndAwait(tenant, "delivered");

    assertThat(check.get("ok").asBoolean()).as(check.toString()).isTrue();
    ReceivedLead received = CRM.leads().stream().filter(l -> leadId.equals(l.ids().get("Leadbridge"))).findFirst()
        .orElseThrow();
    assertThat(received.problems()).isEmpty();
    assertThat(received.names()).containsEntry("first", "Dana").containsEntry("last", "Reyes");
    assertThat(received.vehicles()).containsExactly("buy used 2021 Honda Accord", "trade-in used 2015 Chevrolet Cruze");
    assertThat(received.requestDate()).isEqualTo("2026-11-22T04:15:00-06:00");
    assertThat(received.vendorName()).isEqualTo("Austin Motors");
    JsonNode delivery = Hub.json(hub().api().get("/v1/leads/" + leadId, admin)).get("deliveries").get(0);
    assertThat(delivery.get("remoteId").asText()).isEqualTo(leadId);
  }

  @Test
  void aRefusedTokenPausesTheIntegrationAndHoldsTheLead() {
    UUID tenant = hub().createTenant();
    String admin = hub().tenantKey(tenant, Role.TENANT_ADMIN);
    String wrong = "adf-wrong-" + UUID.randomUUID();
    String integration = connect(admin, wrong);

    String leadId = sendAndAwait(tenant, "held");

    JsonNode paused = Hub.json(hub().api().get("/v1/integrations/third-party/" + integration, admin));
    JsonNode delivery = Hub.json(hub().api().get("/v1/leads/" + leadId, admin)).get("deliveries").get(0);
    assertThat(paused.get("status").asText()).isEqualTo("paused");
    assertThat(delivery.get("holdReason").asText()).isEqualTo("integration_paused");
    assertThat(paused.toString() + delivery).doesNotContain(wrong);
  }
}

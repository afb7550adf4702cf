package io.leadbridge.simulators.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves bearer auth: the exact 401 body and headers, token add/revoke, correlation ids; not thread-safe (each test owns its simulator). */
class HubSpotAuthTest {
  private HubSpotSimulator sim;

  @BeforeEach
  void start() {
    sim = HubSpotSimulator.builder().start();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void missingTokenGetsTheDocumented401BodyAndHeaders() {
    HttpResponse<String> response = HubSpotHttp.anonymous(sim.baseUri()).get("/crm/v3/objects/contacts");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("X-HubSpot-Auth-Failure")).contains("401 Unauthorized");
    String correlationId = response.headers().firstValue("X-HubSpot-Correlation-Id").orElseThrow();
    JsonNode body = HubSpotHttp.json(response);
    assertThat(body.path("status").asText()).isEqualTo("error");
    assertThat(body.path("message").asText())
        .isEqualTo(
            "Authentication credentials not found. This API supports both API Key and OAuth 2.0 authentication and"
                + " you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview");
    assertThat(body.path("category").asText()).isEqualTo("INVALID_AUTHENTICATION");
    assertThat(body.path("correlationId").asText()).isEqualTo(correlationId);
    assertThat(UUID.fromString(correlationId)).isNotNull();
    assertThat(body.has("requestId")).isFalse();
  }

  @Test
  void unknownTokenIsRejected() {
    HttpResponse<String> response =
        new HubSpotHttp(sim.baseUri(), "pat-sim-not-issued").get("/crm/v3/objects/contacts");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(HubSpotHttp.json(response).path("category").asText()).isEqualTo("INVALID_AUTHENTICATION");
  }

  @Test
  void revokedTokenStopsWorkingAndAddedTokenStartsWorking() {
    String extra = sim.newToken();
    HubSpotHttp client = new HubSpotHttp(sim.baseUri(), extra);
    assertThat(client.get("/crm/v3/objects/contacts").statusCode()).isEqualTo(200);

    sim.revokeToken(extra);

    assertThat(client.get("/crm/v3/objects/contacts").statusCode()).isEqualTo(401);
    assertThat(new HubSpotHttp(sim.baseUri(), sim.defaultToken()).get("/crm/v3/objects/contacts").statusCode())
        .isEqualTo(200);
  }

  @Test
  void generatedTokensNeverLookLikeRealHubSpotTokens() {
    assertThat(sim.defaultToken()).startsWith("pat-sim-").doesNotMatch("pat-(na|eu)\\d-.*");
    assertThat(sim.newToken()).startsWith("pat-sim-").isNotEqualTo(sim.defaultToken());
  }

  @Test
  void everyResponseCarriesAFreshCorrelationId() {
    HubSpotHttp client = new HubSpotHttp(sim.baseUri(), sim.defaultToken());

    HttpResponse<String> ok = client.get("/crm/v3/objects/contacts");
    HttpResponse<String> notFound = client.get("/crm/v3/objects/contacts/424242");
    HttpResponse<String> noRoute = client.get("/crm/v3/nothing-here");

    assertThat(ok.headers().firstValue("X-HubSpot-Correlation-Id")).isPresent();
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(HubSpotHttp.json(notFound).path("category").asText()).isEqualTo("OBJECT_NOT_FOUND");
    assertThat(HubSpotHttp.json(notFound).path("correlationId").asText())
        .isEqualTo(notFound.headers().firstValue("X-HubSpot-Correlation-Id").orElseThrow());
    assertThat(noRoute.statusCode()).isEqualTo(404);
    assertThat(ok.headers().firstValue("X-HubSpot-Correlation-Id"))
        .isNotEqualTo(notFound.headers().firstValue("X-HubSpot-Correlation-Id"));
  }
}

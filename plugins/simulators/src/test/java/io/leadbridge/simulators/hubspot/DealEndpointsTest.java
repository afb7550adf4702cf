package io.leadbridge.simulators.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves deal creation rules (dealname, stage, pipeline) and deal→contact associations; not thread-safe (each test owns its simulator). */
class DealEndpointsTest {
  private static final String DEALS = "/crm/v3/objects/deals";

  private HubSpotSimulator sim;
  private HubSpotHttp client;

  @BeforeEach
  void start() {
    sim = HubSpotSimulator.builder().start();
    client = new HubSpotHttp(sim.baseUri(), sim.defaultToken());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void dealIsCreatedInTheDefaultPipelineAndAssociatedWithItsContact() {
    SimulatedRecord contact = sim.createContact(Map.of("email", "jo@example.com"));
    String body =
        """
        {"properties":{"dealname":"2024 Civic for Jo","dealstage":"appointmentscheduled","amount":"23000"},
         "associations":[{"to":{"id":"%s"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":3}]}]}
        """
            .formatted(contact.id());

    HttpResponse<String> response = client.post(DEALS, body);

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode json = HubSpotHttp.json(response);
    assertThat(json.path("properties").path("pipeline").asText()).isEqualTo("default");
    SimulatedRecord deal = sim.deals().get(0);
    assertThat(deal.associations())
        .containsExactly(new SimulatedAssociation("contacts", contact.id(), "HUBSPOT_DEFINED", 3));
  }

  @Test
  void missingDealnameAndStageAreA400NamingThem() {
    HttpResponse<String> response = client.post(DEALS, "{\"properties\":{\"amount\":\"1\"}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(HubSpotHttp.json(response).path("errors").findValuesAsText("in"))
        .containsExactlyInAnyOrder("dealname", "dealstage");
    assertThat(sim.deals()).isEmpty();
  }

  @Test
  void stageOutsideThePipelineIsA400() {
    HttpResponse<String> response =
        client.post(DEALS, "{\"properties\":{\"dealname\":\"x\",\"dealstage\":\"Appointment Scheduled\"}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(HubSpotHttp.json(response).path("errors").get(0).path("code").asText()).isEqualTo("INVALID_OPTION");
  }

  @Test
  void pipelineIsRequiredWhenThePortalHasSeveral() {
    try (HubSpotSimulator twoPipelines =
        HubSpotSimulator.builder()
            .dealPipeline("sales", List.of("new", "won"))
            .dealPipeline("service", List.of("open", "closed"))
            .start()) {
      HubSpotHttp http = new HubSpotHttp(twoPipelines.baseUri(), twoPipelines.defaultToken());

      HttpResponse<String> withoutPipeline = http.post(DEALS, "{\"properties\":{\"dealname\":\"x\",\"dealstage\":\"new\"}}");
      HttpResponse<String> wrongStage =
          http.post(DEALS, "{\"properties\":{\"dealname\":\"x\",\"dealstage\":\"new\",\"pipeline\":\"service\"}}");
      HttpResponse<String> ok =
          http.post(DEALS, "{\"properties\":{\"dealname\":\"x\",\"dealstage\":\"open\",\"pipeline\":\"service\"}}");

      assertThat(withoutPipeline.statusCode()).isEqualTo(400);
      assertThat(HubSpotHttp.json(withoutPipeline).path("errors").get(0).path("in").asText()).isEqualTo("pipeline");
      assertThat(wrongStage.statusCode()).isEqualTo(400);
      assertThat(ok.statusCode()).isEqualTo(201);
    }
  }

  @Test
  void associationToAMissingContactOrWithAWrongTypeIsA400() {
    SimulatedRecord contact = sim.createContact(Map.of("email", "kim@example.com"));
    String template =
        """
        {"properties":{"dealname":"d","dealstage":"qualifiedtobuy"},
         "associations":[{"to":{"id":"%s"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":%d}]}]}
        """;

    HttpResponse<String> missing = client.post(DEALS, template.formatted("999999", 3));
    HttpResponse<String> wrongType = client.post(DEALS, template.formatted(contact.id(), 279));

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(sim.deals()).isEmpty();
  }

  @Test
  void dealsCanBeUpsertedByLeadId() {
    String body =
        """
        {"inputs":[{"id":"lead-9","idProperty":"leadbridge_lead_id",
          "properties":{"dealname":"Trade-in","dealstage":"qualifiedtobuy"}}]}
        """;

    JsonNode first = HubSpotHttp.json(client.post(DEALS + "/batch/upsert", body));
    JsonNode second = HubSpotHttp.json(client.post(DEALS + "/batch/upsert", body));

    assertThat(first.path("results").get(0).path("new").asBoolean()).isTrue();
    assertThat(second.path("results").get(0).path("new").asBoolean()).isFalse();
    assertThat(sim.deals()).hasSize(1);
  }
}

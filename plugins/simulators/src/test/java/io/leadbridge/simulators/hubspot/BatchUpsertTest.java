package io.leadbridge.simulators.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.simulators.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves batch upsert: idProperty rules, new=true/false idempotency, 200/207/400 answers; not thread-safe (each test owns its simulator). */
class BatchUpsertTest {
  private static final String UPSERT = "/crm/v3/objects/contacts/batch/upsert";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-05-04T10:15:30.123Z"));
  private HubSpotSimulator sim;
  private HubSpotHttp client;

  @BeforeEach
  void start() {
    sim = HubSpotSimulator.builder().portalId(8_675_309).clock(clock).start();
    client = new HubSpotHttp(sim.baseUri(), sim.defaultToken());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void upsertByLeadIdIsIdempotent() {
    String body =
        """
        {"inputs":[{"id":"lead-42","idProperty":"leadbridge_lead_id","objectWriteTraceId":"trace-1",
          "properties":{"email":"ann@example.com","firstname":"Ann"}}]}
        """;

    HttpResponse<String> first = client.post(UPSERT, body);
    clock.advance(Duration.ofSeconds(1));
    HttpResponse<String> second = client.post(UPSERT, body.replace("\"Ann\"", "\"Anne\""));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(200);
    JsonNode firstResult = HubSpotHttp.json(first).path("results").get(0);
    JsonNode secondResult = HubSpotHttp.json(second).path("results").get(0);
    assertThat(firstResult.path("new").asBoolean()).isTrue();
    assertThat(secondResult.path("new").asBoolean()).isFalse();
    assertThat(secondResult.path("id").asText()).isEqualTo(firstResult.path("id").asText());
    assertThat(secondResult.path("objectWriteTraceId").asText()).isEqualTo("trace-1");
    assertThat(sim.contacts()).hasSize(1);
    assertThat(sim.contactByProperty("leadbridge_lead_id", "lead-42").orElseThrow().property("firstname"))
        .contains("Anne");
  }

  @Test
  void countsEveryWriteOfAnIdValueSoThatASecondDeliveryShows() {
    String lead42 = "{\"id\":\"lead-42\",\"idProperty\":\"leadbridge_lead_id\",\"properties\":{\"firstname\":\"Ann\"}}";
    String lead43 = "{\"id\":\"lead-43\",\"idProperty\":\"leadbridge_lead_id\",\"properties\":{}}";
    String refused = "{\"id\":\"lead-44\",\"idProperty\":\"leadbridge_lead_id\",\"properties\":{\"email\":\"broken\"}}";

    client.post(UPSERT, "{\"inputs\":[" + lead42 + "," + lead43 + "," + refused + "]}");
    client.post(UPSERT, "{\"inputs\":[" + lead42 + "]}");

    assertThat(sim.contactUpsertWrites("lead-42")).isEqualTo(2);
    assertThat(sim.contactUpsertWrites("lead-43")).isEqualTo(1);
    assertThat(sim.contactUpsertWrites("lead-44")).isZero();
    assertThat(sim.contactUpsertWriteCounts()).containsOnly(Map.entry("lead-42", 2), Map.entry("lead-43", 1));
    assertThat(sim.contacts()).hasSize(2);
    sim.reset();
    assertThat(sim.contactUpsertWriteCounts()).isEmpty();
  }

  @Test
  void successfulBatchHasStatusAndTimestamps() {
    JsonNode body =
        HubSpotHttp.json(
            client.post(UPSERT, "{\"inputs\":[{\"id\":\"bo@example.com\",\"idProperty\":\"email\",\"properties\":{}}]}"));

    assertThat(body.path("status").asText()).isEqualTo("COMPLETE");
    assertThat(body.path("requestedAt").asText()).isEqualTo("2026-05-04T10:15:30.123Z");
    assertThat(body.path("startedAt").asText()).isEqualTo("2026-05-04T10:15:30.123Z");
    assertThat(body.path("completedAt").asText()).isEqualTo("2026-05-04T10:15:30.123Z");
    assertThat(body.has("errors")).isFalse();
    JsonNode result = body.path("results").get(0);
    assertThat(result.path("properties").path("email").asText()).isEqualTo("bo@example.com");
    assertThat(result.path("archived").asBoolean()).isFalse();
  }

  @Test
  void upsertByEmailMatchesCaseInsensitively() {
    sim.createContact(Map.of("email", "Cy@Example.com"));

    JsonNode body =
        HubSpotHttp.json(
            client.post(
                UPSERT,
                "{\"inputs\":[{\"id\":\"cy@example.COM\",\"idProperty\":\"email\",\"properties\":{\"city\":\"Oslo\"}}]}"));

    assertThat(body.path("results").get(0).path("new").asBoolean()).isFalse();
    assertThat(sim.contacts()).hasSize(1);
  }

  @Test
  void nonUniqueIdPropertyIsRejectedWithTheDocumentedMessage() {
    HttpResponse<String> response =
        client.post(UPSERT, "{\"inputs\":[{\"id\":\"Ann\",\"idProperty\":\"firstname\",\"properties\":{}}]}");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = HubSpotHttp.json(response);
    assertThat(body.path("category").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(body.path("message").asText())
        .isEqualTo("Unable to perform update/upsert by non-unique 0-1 property firstname in portal ID 8675309");
    assertThat(sim.contacts()).isEmpty();
  }

  @Test
  void hsObjectIdIsNotAcceptedAsIdProperty() {
    HttpResponse<String> response =
        client.post(UPSERT, "{\"inputs\":[{\"id\":\"1001\",\"idProperty\":\"hs_object_id\",\"properties\":{}}]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(HubSpotHttp.json(response).path("category").asText()).isEqualTo("VALIDATION_ERROR");
  }

  @Test
  void moreThanOneHundredInputsIsA400() {
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      inputs.add("{\"id\":\"lead-" + i + "\",\"idProperty\":\"leadbridge_lead_id\",\"properties\":{}}");
    }

    HttpResponse<String> response = client.post(UPSERT, "{\"inputs\":[" + String.join(",", inputs) + "]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(HubSpotHttp.json(response).path("category").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(sim.contacts()).isEmpty();
  }

  @Test
  void exactlyOneHundredInputsIsAccepted() {
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      inputs.add("{\"id\":\"lead-" + i + "\",\"idProperty\":\"leadbridge_lead_id\",\"properties\":{}}");
    }

    HttpResponse<String> response = client.post(UPSERT, "{\"inputs\":[" + String.join(",", inputs) + "]}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(sim.contacts()).hasSize(100);
  }

  @Test
  void oneInvalidEmailGivesA207WithTheOthersWritten() {
    String body =
        """
        {"inputs":[
          {"id":"lead-1","idProperty":"leadbridge_lead_id","properties":{"email":"ok@example.com"}},
          {"id":"lead-2","idProperty":"leadbridge_lead_id","objectWriteTraceId":"t-2","properties":{"email":"not-an-email"}}]}
        """;

    HttpResponse<String> response = client.post(UPSERT, body);

    assertThat(response.statusCode()).isEqualTo(207);
    JsonNode json = HubSpotHttp.json(response);
    assertThat(json.path("numErrors").asInt()).isEqualTo(1);
    assertThat(json.path("results")).hasSize(1);
    JsonNode error = json.path("errors").get(0);
    assertThat(error.path("status").asText()).isEqualTo("error");
    assertThat(error.path("category").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(error.path("context").path("objectWriteTraceId").get(0).asText()).isEqualTo("t-2");
    assertThat(error.path("errors").get(0).path("in").asText()).isEqualTo("email");
    assertThat(error.path("errors").get(0).path("code").asText()).isEqualTo("INVALID_EMAIL");
    assertThat(sim.contactByProperty("leadbridge_lead_id", "lead-1")).isPresent();
    assertThat(sim.contactByProperty("leadbridge_lead_id", "lead-2")).isEmpty();
  }

  @Test
  void oneUnknownPropertyGivesA207NamingIt() {
    String body =
        """
        {"inputs":[
          {"id":"lead-1","idProperty":"leadbridge_lead_id","properties":{"firstname":"A"}},
          {"id":"lead-2","idProperty":"leadbridge_lead_id","properties":{"favourite_colour":"blue"}}]}
        """;

    HttpResponse<String> response = client.post(UPSERT, body);

    assertThat(response.statusCode()).isEqualTo(207);
    JsonNode error = HubSpotHttp.json(response).path("errors").get(0);
    assertThat(error.path("errors").get(0).path("in").asText()).isEqualTo("favourite_colour");
    assertThat(error.path("errors").get(0).path("code").asText()).isEqualTo("PROPERTY_DOESNT_EXIST");
  }

  @Test
  void unknownOrReadOnlyPropertyInEveryInputIsA400NamingThem() {
    String body =
        """
        {"inputs":[{"id":"lead-1","idProperty":"leadbridge_lead_id",
          "properties":{"favourite_colour":"blue","lastmodifieddate":"2020-01-01"}}]}
        """;

    HttpResponse<String> response = client.post(UPSERT, body);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode json = HubSpotHttp.json(response);
    assertThat(json.path("category").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(json.path("message").asText()).startsWith("Property values were not valid");
    assertThat(json.path("errors").findValuesAsText("in")).containsExactlyInAnyOrder("favourite_colour", "lastmodifieddate");
    assertThat(sim.contacts()).isEmpty();
  }

  @Test
  void allOrNothingModeWritesNothingWhenOneInputIsInvalid() {
    try (HubSpotSimulator strict = HubSpotSimulator.builder().batchValidation(BatchValidationMode.ALL_OR_NOTHING).start()) {
      String body =
          """
          {"inputs":[
            {"id":"lead-1","idProperty":"leadbridge_lead_id","properties":{"firstname":"A"}},
            {"id":"lead-2","idProperty":"leadbridge_lead_id","properties":{"email":"broken"}}]}
          """;

      HttpResponse<String> response = new HubSpotHttp(strict.baseUri(), strict.defaultToken()).post(UPSERT, body);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(strict.contacts()).isEmpty();
    }
  }

  @Test
  void duplicateIdsInOneBatchAreRejected() {
    String body =
        """
        {"inputs":[{"id":"a@example.com","idProperty":"email","properties":{}},
                   {"id":"A@example.com","idProperty":"email","properties":{}}]}
        """;

    assertThat(client.post(UPSERT, body).statusCode()).isEqualTo(400);
  }

  @Test
  void emailTakenByAnotherContactIsAConflictForThatInputOnly() {
    sim.createContact(Map.of("email", "taken@example.com"));
    String body =
        """
        {"inputs":[
          {"id":"lead-1","idProperty":"leadbridge_lead_id","properties":{"email":"taken@example.com"}},
          {"id":"lead-2","idProperty":"leadbridge_lead_id","properties":{"email":"free@example.com"}}]}
        """;

    HttpResponse<String> response = client.post(UPSERT, body);

    assertThat(response.statusCode()).isEqualTo(207);
    assertThat(HubSpotHttp.json(response).path("errors").get(0).path("category").asText()).isEqualTo("CONFLICT");
  }

  @Test
  void updateByRecordIdWithoutIdProperty() {
    SimulatedRecord existing = sim.createContact(Map.of("email", "d@example.com"));

    JsonNode body =
        HubSpotHttp.json(
            client.post(UPSERT, "{\"inputs\":[{\"id\":\"" + existing.id() + "\",\"properties\":{\"city\":\"Rome\"}}]}"));

    assertThat(body.path("results").get(0).path("new").asBoolean()).isFalse();
    assertThat(sim.contactByProperty("email", "d@example.com").orElseThrow().property("city")).contains("Rome");
  }
}

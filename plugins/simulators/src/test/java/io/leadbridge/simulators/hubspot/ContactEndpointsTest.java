package io.leadbridge.simulators.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves single-contact create (409), read by id/idProperty, list paging and update; not thread-safe (each test owns its simulator). */
class ContactEndpointsTest {
  private static final String CONTACTS = "/crm/v3/objects/contacts";

  private HubSpotSimulator sim;
  private HubSpotHttp client;

  @BeforeEach
  void start() {
    sim = HubSpotSimulator.builder().tenSecondLimit(10_000).start();
    client = new HubSpotHttp(sim.baseUri(), sim.defaultToken());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void createReturns201WithTheStoredObject() {
    HttpResponse<String> response =
        client.post(CONTACTS, "{\"properties\":{\"email\":\"eve@example.com\",\"firstname\":\"Eve\"}}");

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = HubSpotHttp.json(response);
    assertThat(body.path("properties").path("email").asText()).isEqualTo("eve@example.com");
    assertThat(body.path("properties").path("hs_object_id").asText()).isEqualTo(body.path("id").asText());
    assertThat(sim.contacts()).hasSize(1);
  }

  @Test
  void existingEmailIsA409NamingTheExistingIdCaseInsensitively() {
    SimulatedRecord existing = sim.createContact(Map.of("email", "fay@example.com"));

    HttpResponse<String> response = client.post(CONTACTS, "{\"properties\":{\"email\":\"FAY@example.com\"}}");

    assertThat(response.statusCode()).isEqualTo(409);
    JsonNode body = HubSpotHttp.json(response);
    assertThat(body.path("category").asText()).isEqualTo("CONFLICT");
    assertThat(body.path("message").asText()).isEqualTo("Contact already exists. Existing ID: " + existing.id());
    assertThat(sim.contacts()).hasSize(1);
  }

  @Test
  void unknownPropertyOnCreateIsA400NamingIt() {
    HttpResponse<String> response = client.post(CONTACTS, "{\"properties\":{\"shoe_size\":\"44\"}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(HubSpotHttp.json(response).path("errors").get(0).path("in").asText()).isEqualTo("shoe_size");
  }

  @Test
  void invalidEnumerationOptionIsA400() {
    HttpResponse<String> response = client.post(CONTACTS, "{\"properties\":{\"lifecyclestage\":\"hot\"}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(HubSpotHttp.json(response).path("errors").get(0).path("code").asText()).isEqualTo("INVALID_OPTION");
  }

  @Test
  void malformedJsonIsA400() {
    HttpResponse<String> response = client.post(CONTACTS, "{\"properties\":");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(HubSpotHttp.json(response).path("category").asText()).isEqualTo("VALIDATION_ERROR");
  }

  @Test
  void readByIdReturnsDefaultPropertiesUnlessAsked() {
    SimulatedRecord contact = sim.createContact(Map.of("email", "gus@example.com", "city", "Lyon"));

    JsonNode defaults = HubSpotHttp.json(client.get(CONTACTS + "/" + contact.id()));
    JsonNode chosen = HubSpotHttp.json(client.get(CONTACTS + "/" + contact.id() + "?properties=city,zip"));

    assertThat(defaults.path("properties").has("city")).isFalse();
    assertThat(defaults.path("properties").path("email").asText()).isEqualTo("gus@example.com");
    assertThat(chosen.path("properties").path("city").asText()).isEqualTo("Lyon");
    assertThat(chosen.path("properties").get("zip").isNull()).isTrue();
  }

  @Test
  void readByIdPropertyFindsByUniqueValue() {
    SimulatedRecord contact = sim.createContact(Map.of("email", "hal@example.com", "leadbridge_lead_id", "L-7"));

    HttpResponse<String> byEmail = client.get(CONTACTS + "/HAL@example.com?idProperty=email");
    HttpResponse<String> byLead = client.get(CONTACTS + "/L-7?idProperty=leadbridge_lead_id");
    HttpResponse<String> nonUnique = client.get(CONTACTS + "/Hal?idProperty=firstname");

    assertThat(HubSpotHttp.json(byEmail).path("id").asText()).isEqualTo(contact.id());
    assertThat(HubSpotHttp.json(byLead).path("id").asText()).isEqualTo(contact.id());
    assertThat(nonUnique.statusCode()).isEqualTo(400);
    assertThat(client.get(CONTACTS + "/nobody@example.com?idProperty=email").statusCode()).isEqualTo(404);
  }

  @Test
  void listPagesWithAfterAndOmitsPagingOnTheLastPage() {
    for (int i = 0; i < 25; i++) {
      sim.createContact(Map.of("email", "p" + i + "@example.com"));
    }
    Set<String> seen = new HashSet<>();
    String path = CONTACTS + "?limit=10";
    int pages = 0;
    JsonNode page;
    do {
      page = HubSpotHttp.json(client.get(path));
      page.path("results").forEach(result -> seen.add(result.path("id").asText()));
      pages++;
      path = CONTACTS + "?limit=10&after=" + page.path("paging").path("next").path("after").asText();
    } while (page.has("paging") && pages < 10);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(25);
    assertThat(page.path("results")).hasSize(5);
    assertThat(page.has("paging")).isFalse();
  }

  @Test
  void pagingLinkPointsBackAtTheSimulator() {
    sim.createContact(Map.of("email", "l1@example.com"));
    sim.createContact(Map.of("email", "l2@example.com"));

    JsonNode page = HubSpotHttp.json(client.get(CONTACTS + "?limit=1"));

    String link = page.path("paging").path("next").path("link").asText();
    assertThat(link).startsWith(sim.baseUri().toString());
    assertThat(HubSpotHttp.json(client.get(link.substring(sim.baseUri().toString().length()))).path("results"))
        .hasSize(1);
  }

  @Test
  void limitIsClampedToOneHundred() {
    for (int i = 0; i < 150; i++) {
      sim.createContact(Map.of("email", "c" + i + "@example.com"));
    }

    JsonNode page = HubSpotHttp.json(client.get(CONTACTS + "?limit=500"));

    assertThat(page.path("results")).hasSize(100);
    assertThat(page.has("paging")).isTrue();
  }

  @Test
  void patchUpdatesAndRejectsReadOnlyProperties() {
    SimulatedRecord contact = sim.createContact(Map.of("email", "ivy@example.com"));

    HttpResponse<String> ok = client.patch(CONTACTS + "/" + contact.id(), "{\"properties\":{\"phone\":\"+1 555\"}}");
    HttpResponse<String> readOnly =
        client.patch(CONTACTS + "/" + contact.id(), "{\"properties\":{\"hs_object_id\":\"1\"}}");

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(sim.contactByProperty("email", "ivy@example.com").orElseThrow().property("phone")).contains("+1 555");
    assertThat(readOnly.statusCode()).isEqualTo(400);
    assertThat(HubSpotHttp.json(readOnly).path("errors").get(0).path("code").asText()).isEqualTo("READ_ONLY_VALUE");
  }
}

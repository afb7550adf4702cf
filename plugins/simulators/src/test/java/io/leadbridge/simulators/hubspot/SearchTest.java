package io.leadbridge.simulators.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.simulators.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves contacts search: EQ/OR semantics, paging, filter limits and the 4/s secondly limit; not thread-safe (each test owns its simulator). */
class SearchTest {
  private static final String SEARCH = "/crm/v3/objects/contacts/search";
  private static final String EQ_FILTER = "{\"propertyName\":\"city\",\"operator\":\"EQ\",\"value\":\"Oslo\"}";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
  private HubSpotSimulator sim;
  private HubSpotHttp client;

  @BeforeEach
  void start() {
    sim = HubSpotSimulator.builder().clock(clock).start();
    client = new HubSpotHttp(sim.baseUri(), sim.defaultToken());
    sim.createContact(Map.of("email", "a@example.com", "city", "Oslo", "firstname", "Ada"));
    sim.createContact(Map.of("email", "b@example.com", "city", "oslo", "firstname", "Bob"));
    sim.createContact(Map.of("email", "c@example.com", "city", "Bergen", "firstname", "Cid"));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void eqFiltersMatchCaseInsensitivelyAndGroupsAreOred() {
    JsonNode oslo = search("{\"filterGroups\":[{\"filters\":[" + EQ_FILTER + "]}]}");
    clock.advance(Duration.ofSeconds(1));
    JsonNode osloBobOrBergen =
        search(
            """
            {"filterGroups":[
              {"filters":[{"propertyName":"city","operator":"EQ","value":"oslo"},
                          {"propertyName":"firstname","operator":"EQ","value":"Bob"}]},
              {"filters":[{"propertyName":"city","operator":"EQ","value":"Bergen"}]}]}
            """);

    assertThat(oslo.path("total").asInt()).isEqualTo(2);
    assertThat(oslo.path("results").findValuesAsText("email")).containsExactly("a@example.com", "b@example.com");
    assertThat(osloBobOrBergen.path("results").findValuesAsText("email"))
        .containsExactly("b@example.com", "c@example.com");
  }

  @Test
  void resultsCarryDefaultPropertiesUnlessAsked() {
    JsonNode defaults = search("{\"filterGroups\":[{\"filters\":[" + EQ_FILTER + "]}]}");
    clock.advance(Duration.ofSeconds(1));
    JsonNode chosen = search("{\"filterGroups\":[{\"filters\":[" + EQ_FILTER + "]}],\"properties\":[\"city\"]}");

    JsonNode first = defaults.path("results").get(0).path("properties");
    assertThat(first.has("email")).isTrue();
    assertThat(first.has("hs_object_id")).isTrue();
    assertThat(first.has("city")).isFalse();
    assertThat(chosen.path("results").get(0).path("properties").path("city").asText()).isEqualTo("Oslo");
  }

  @Test
  void searchPagesWithAfter() {
    JsonNode first = search("{\"limit\":2}");
    clock.advance(Duration.ofSeconds(1));
    JsonNode second =
        search("{\"limit\":2,\"after\":\"" + first.path("paging").path("next").path("after").asText() + "\"}");

    assertThat(first.path("total").asInt()).isEqualTo(3);
    assertThat(first.path("results")).hasSize(2);
    assertThat(second.path("results")).hasSize(1);
    assertThat(second.has("paging")).isFalse();
  }

  @Test
  void tooManyGroupsOrFiltersIsA400() {
    String sixGroups = groups(6, 1);
    String elevenInAGroup = groups(1, 11);
    String twentySevenInTotal = groups(3, 9);

    assertThat(client.post(SEARCH, sixGroups).statusCode()).isEqualTo(400);
    clock.advance(Duration.ofSeconds(1));
    assertThat(client.post(SEARCH, elevenInAGroup).statusCode()).isEqualTo(400);
    clock.advance(Duration.ofSeconds(1));
    HttpResponse<String> tooMany = client.post(SEARCH, twentySevenInTotal);
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(HubSpotHttp.json(tooMany).path("category").asText()).isEqualTo("VALIDATION_ERROR");
    clock.advance(Duration.ofSeconds(1));
    assertThat(client.post(SEARCH, groups(5, 5)).statusCode()).isEqualTo(200);
  }

  @Test
  void fifthSearchInOneSecondGetsTheSecondlyLimitWithoutRateLimitHeaders() {
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      responses.add(client.post(SEARCH, "{}"));
    }

    assertThat(responses.subList(0, 4)).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
    HttpResponse<String> limited = responses.get(4);
    assertThat(limited.statusCode()).isEqualTo(429);
    JsonNode body = HubSpotHttp.json(limited);
    assertThat(body.path("message").asText()).isEqualTo("You have reached your secondly limit.");
    assertThat(body.path("errorType").asText()).isEqualTo("RATE_LIMIT");
    assertThat(responses)
        .allSatisfy(
            response -> {
              assertThat(response.headers().firstValue("X-HubSpot-RateLimit-Remaining")).isEmpty();
              assertThat(response.headers().firstValue("X-HubSpot-Correlation-Id")).isPresent();
            });

    clock.advance(Duration.ofMillis(1000));
    assertThat(client.post(SEARCH, "{}").statusCode()).isEqualTo(200);
  }

  @Test
  void unsupportedOperatorIsA400NotASilentMatch() {
    HttpResponse<String> response =
        client.post(
            SEARCH, "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"city\",\"operator\":\"GT\",\"value\":\"A\"}]}]}");

    assertThat(response.statusCode()).isEqualTo(400);
  }

  private JsonNode search(String body) {
    HttpResponse<String> response = client.post(SEARCH, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return HubSpotHttp.json(response);
  }

  private static String groups(int groupCount, int filtersPerGroup) {
    String group = "{\"filters\":[" + String.join(",", Collections.nCopies(filtersPerGroup, EQ_FILTER)) + "]}";
    return "{\"filterGroups\":[" + String.join(",", Collections.nCopies(groupCount, group)) + "]}";
  }
}

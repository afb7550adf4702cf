package io.leadbridge.simulators.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadbridge.simulators.adf.AdfReceiverSimulator;
import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import io.leadbridge.simulators.kms.KmsSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the CLI builds simulators from flags and refuses bad ones; not thread-safe (each test owns its simulator). */
class SimulatorsMainTest {

  @Test
  void hubspotCommandAppliesTokenTierAndChaos() throws Exception {
    try (HubSpotSimulator sim =
        (HubSpotSimulator)
            SimulatorsMain.start(
                List.of(
                    "hubspot", "--port", "0", "--token", "pat-sim-cli", "--tier", "190", "--portal-id", "42",
                    "--fail-every", "2", "--time-zone", "Europe/Paris"))) {
      HttpRequest request =
          HttpRequest.newBuilder(sim.baseUri().resolve("/crm/v3/objects/contacts"))
              .header("Authorization", "Bearer pat-sim-cli")
              .build();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

      HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> second = http.send(request, HttpResponse.BodyHandlers.ofString());

      assertThat(sim.portalId()).isEqualTo(42);
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("X-HubSpot-RateLimit-Max")).contains("190");
      assertThat(second.statusCode()).isEqualTo(500);
    }
  }

  @Test
  void statsFileHoldsTheCountersABenchmarkReadsFromAnotherProcess(@TempDir Path dir) throws Exception {
    Path stats = dir.resolve("hubspot-stats.json");
    try (StatsFile running =
        (StatsFile)
            SimulatorsMain.start(
                List.of(
                    "hubspot", "--port", "0", "--token", "pat-sim-cli", "--ten-second-limit", "2",
                    "--stats-file", stats.toString()))) {
      URI contacts = running.simulator().baseUri().resolve("/crm/v3/objects/contacts");
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest create =
          HttpRequest.newBuilder(contacts)
              .header("Authorization", "Bearer pat-sim-cli")
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"properties\":{\"email\":\"eve@example.com\"}}"))
              .build();
      HttpRequest list = HttpRequest.newBuilder(contacts).header("Authorization", "Bearer pat-sim-cli").build();

      assertThat(http.send(create, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
      assertThat(http.send(list, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      assertThat(http.send(list, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(429);
      assertThat(Files.exists(stats)).as("written from the start").isTrue();
    }

    JsonNode written = new ObjectMapper().readTree(stats.toFile());
    assertThat(written.get("contacts").asLong()).isEqualTo(1);
    assertThat(written.get("requests").asLong()).isEqualTo(3);
    assertThat(written.get("rateLimited").asLong()).isEqualTo(1);
    assertThat(written.get("maxRequestsInAnyWindow").asLong()).isEqualTo(3);
    assertThat(written.get("at").asLong()).isPositive();
  }

  @Test
  void kmsCommandCreatesAliasedKeysWithTheGivenCredentials() {
    try (KmsSimulator kms =
        (KmsSimulator)
            SimulatorsMain.start(
                List.of("kms", "--port", "0", "--access-key", "ak", "--secret-key", "sk", "--alias", "alias/demo"))) {
      assertThat(kms.accessKeyId()).isEqualTo("ak");
      assertThat(kms.secretAccessKey()).isEqualTo("sk");
      kms.disableKey("alias/demo");
    }
  }

  @Test
  void adfCommandStartsAnIntakeThatChecksTheToken() throws Exception {
    try (AutoCloseable started = SimulatorsMain.start(List.of("adf", "--port", "0", "--token", "t-1", "--strict"))) {
      AdfReceiverSimulator adf = (AdfReceiverSimulator) started;
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(adf.baseUri().resolve("/leads"))
          .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString("<adf/>")).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> invalid = client.send(HttpRequest.newBuilder(adf.baseUri().resolve("/leads"))
          .header("Content-Type", "application/xml").header("X-Adf-Token", "t-1")
          .POST(HttpRequest.BodyPublishers.ofString("<adf><prospect/></adf>")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(invalid.statusCode()).as("strict: a prospect without anything").isEqualTo(400);
    }
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> SimulatorsMain.start(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimulatorsMain.start(List.of("salesforce"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimulatorsMain.start(List.of("hubspot", "--port", "0", "--bogus")))
        .hasMessageContaining("--bogus");
    assertThatThrownBy(() -> SimulatorsMain.start(List.of("hubspot", "--port", "0", "--tier", "150")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> SimulatorsMain.start(List.of("hubspot", "--port", "0", "--stats-file", "/nonexistent-dir/stats.json")))
        .hasMessageContaining("/nonexistent-dir/stats.json");
    assertThatThrownBy(() -> SimulatorsMain.start(List.of("kms", "--port", "0", "--access-key", "only")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

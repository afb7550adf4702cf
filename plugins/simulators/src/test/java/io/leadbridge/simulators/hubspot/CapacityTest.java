package io.leadbridge.simulators.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves the simulator holds 100k contacts and serves a few hundred requests/s; not thread-safe (each test owns its simulator). */
class CapacityTest {
  private static final int CONTACTS = 100_000;
  private static final int REQUESTS = 2_000;
  private static final int CLIENT_THREADS = 8;

  private HubSpotSimulator sim;
  private HubSpotHttp client;

  @BeforeEach
  void start() {
    sim = HubSpotSimulator.builder().tenSecondLimit(1_000_000).dailyLimit(10_000_000).start();
    client = new HubSpotHttp(sim.baseUri(), sim.defaultToken());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void holdsOneHundredThousandContactsAndStillFindsThem() {
    for (int i = 0; i < CONTACTS; i++) {
      sim.createContact(Map.of("email", "bulk" + i + "@example.com", "leadbridge_lead_id", "bulk-" + i));
    }

    HttpResponse<String> byEmail = client.get("/crm/v3/objects/contacts/bulk99999@example.com?idProperty=email");
    JsonNode upsert =
        HubSpotHttp.json(
            client.post(
                "/crm/v3/objects/contacts/batch/upsert",
                "{\"inputs\":[{\"id\":\"bulk-50000\",\"idProperty\":\"leadbridge_lead_id\",\"properties\":{}}]}"));

    assertThat(sim.contacts()).hasSize(CONTACTS);
    assertThat(byEmail.statusCode()).isEqualTo(200);
    assertThat(upsert.path("results").get(0).path("new").asBoolean()).isFalse();
  }

  @Test
  void sustainsSeveralHundredRequestsPerSecond() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
    long started = System.nanoTime();
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        String body =
            "{\"inputs\":[{\"id\":\"lead-" + i + "\",\"idProperty\":\"leadbridge_lead_id\",\"properties\":{}}]}";
        results.add(pool.submit(() -> client.post("/crm/v3/objects/contacts/batch/upsert", body).statusCode()));
      }
      for (Future<Integer> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    assertThat(REQUESTS / seconds).as("requests per second").isGreaterThan(300);
    assertThat(sim.contacts()).hasSize(REQUESTS);
  }
}

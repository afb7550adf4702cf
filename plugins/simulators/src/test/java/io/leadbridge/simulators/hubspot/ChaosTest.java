package io.leadbridge.simulators.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves the chaos knobs (5xx, latency, hang/release, missing headers) over real HTTP; not thread-safe (each test owns its simulator). */
class ChaosTest {
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
  void everyThirdRequestFailsWithAPlainInternalError() {
    sim.chaos().failEveryNth(3);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      statuses.add(client.get(CONTACTS).statusCode());
    }

    assertThat(statuses).containsExactly(200, 200, 500, 200, 200, 500);
    sim.chaos().failEveryNth(0);
    HttpResponse<String> healthy = client.get(CONTACTS);
    assertThat(healthy.statusCode()).isEqualTo(200);
  }

  @Test
  void failureBodyIsPlainTextAndStillCorrelated() {
    sim.chaos().failWithProbability(1.0).failureStatuses(502, 504);

    HttpResponse<String> failed = client.get(CONTACTS);

    assertThat(failed.statusCode()).isIn(502, 504);
    assertThat(failed.body()).isEqualTo("Internal Error");
    assertThat(failed.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(failed.headers().firstValue("X-HubSpot-Correlation-Id")).isPresent();
  }

  @Test
  void seededProbabilityIsRepeatable() {
    sim.chaos().seed(42).failWithProbability(0.5);
    List<Integer> first = statuses(20);
    sim.chaos().seed(42);
    List<Integer> second = statuses(20);

    assertThat(first).isEqualTo(second).contains(200, 500);
  }

  @Test
  void latencyDelaysTheAnswer() {
    sim.chaos().latency(Duration.ofMillis(300));

    long started = System.nanoTime();
    HttpResponse<String> response = client.get(CONTACTS);
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
  }

  @Test
  void hungRequestIsAnsweredOnlyWhenReleased() throws Exception {
    sim.chaos().hangRequests(true);

    CompletableFuture<HttpResponse<String>> pending = client.getAsync(CONTACTS);
    awaitHung(1);
    Thread.sleep(200);

    assertThat(pending).isNotDone();
    sim.chaos().hangRequests(false);
    assertThat(sim.releaseHungRequests()).isEqualTo(1);
    assertThat(pending.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(sim.hungRequestCount()).isZero();
  }

  @Test
  void closingTheSimulatorDropsHungRequests() throws Exception {
    sim.chaos().hangRequests(true);
    CompletableFuture<HttpResponse<String>> pending = client.getAsync(CONTACTS);
    awaitHung(1);

    sim.close();

    assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
  }

  @Test
  void rateLimitHeadersCanBeOmitted() {
    sim.chaos().omitRateLimitHeadersWithProbability(1.0);

    HttpResponse<String> response = client.get(CONTACTS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-HubSpot-RateLimit-Remaining")).isEmpty();
    assertThat(response.headers().firstValue("X-HubSpot-Correlation-Id")).isPresent();
  }

  @Test
  void resetTurnsChaosOff() {
    sim.chaos().failWithProbability(1.0);
    sim.reset();

    assertThat(client.get(CONTACTS).statusCode()).isEqualTo(200);
  }

  private List<Integer> statuses(int count) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      statuses.add(client.get(CONTACTS).statusCode());
    }
    return statuses;
  }

  private void awaitHung(int expected) throws InterruptedException {
    for (int attempt = 0; attempt < 100 && sim.hungRequestCount() < expected; attempt++) {
      Thread.sleep(20);
    }
    assertThat(sim.hungRequestCount()).isEqualTo(expected);
  }
}

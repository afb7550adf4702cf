package io.leadbridge.simulators.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.simulators.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Proves the rolling 10 s window, the portal-midnight daily reset and the 429 bodies with a moved clock; not thread-safe (each test owns its simulator). */
class RateLimitTest {
  private static final String CONTACTS = "/crm/v3/objects/contacts";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T12:00:00Z"));
  private HubSpotSimulator sim;

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void successCarriesTheRateLimitHeaders() {
    sim = HubSpotSimulator.builder().clock(clock).tier(RateLimitTier.PROFESSIONAL).start();

    HttpResponse<String> response = client().get(CONTACTS);

    assertThat(response.headers().firstValue("X-HubSpot-RateLimit-Daily")).contains("650000");
    assertThat(response.headers().firstValue("X-HubSpot-RateLimit-Daily-Remaining")).contains("649999");
    assertThat(response.headers().firstValue("X-HubSpot-RateLimit-Interval-Milliseconds")).contains("10000");
    assertThat(response.headers().firstValue("X-HubSpot-RateLimit-Max")).contains("190");
    assertThat(response.headers().firstValue("X-HubSpot-RateLimit-Remaining")).contains("189");
    assertThat(response.headers().firstValue("X-HubSpot-RateLimit-Secondly")).isEmpty();
  }

  @Test
  void secondlyHeadersAreAKnob() {
    sim = HubSpotSimulator.builder().clock(clock).tier(RateLimitTier.FREE_STARTER).secondlyHeaders(true).start();

    HttpResponse<String> response = client().get(CONTACTS);

    assertThat(response.headers().firstValue("X-HubSpot-RateLimit-Secondly")).contains("10");
    assertThat(response.headers().firstValue("X-HubSpot-RateLimit-Secondly-Remaining")).contains("9");
  }

  @Test
  void tenSecondWindowRefusesWithTheDocumentedBodyAndSlides() {
    sim = HubSpotSimulator.builder().clock(clock).tenSecondLimit(3).portalId(777).firstAppId(55).start();
    HubSpotHttp client = client();
    client.get(CONTACTS);
    clock.advance(Duration.ofSeconds(4));
    client.get(CONTACTS);
    client.get(CONTACTS);

    HttpResponse<String> refused = client.get(CONTACTS);

    assertThat(refused.statusCode()).isEqualTo(429);
    JsonNode body = HubSpotHttp.json(refused);
    assertThat(body.path("status").asText()).isEqualTo("error");
    assertThat(body.path("message").asText()).isEqualTo("You have reached your ten_secondly_rolling limit.");
    assertThat(body.path("errorType").asText()).isEqualTo("RATE_LIMIT");
    assertThat(body.path("policyName").asText()).isEqualTo("TEN_SECONDLY_ROLLING");
    assertThat(body.path("groupName").asText()).isEqualTo("publicapi:private_app-api-calls-ten-secondly:55:777");
    assertThat(body.path("correlationId").asText())
        .isEqualTo(refused.headers().firstValue("X-HubSpot-Correlation-Id").orElseThrow());
    assertThat(body.has("category")).isFalse();
    assertThat(refused.headers().firstValue("Retry-After")).contains("6");

    clock.advance(Duration.ofMillis(5_999));
    assertThat(client.get(CONTACTS).statusCode()).as("first request still inside the window").isEqualTo(429);
    clock.advance(Duration.ofMillis(1));
    assertThat(client.get(CONTACTS).statusCode()).as("first request slid out").isEqualTo(200);
    assertThat(client.get(CONTACTS).statusCode()).as("the other two are still in").isEqualTo(429);
  }

  @Test
  void maxRequestsInAnyWindowCountsWhatTheClientSentIncludingRefusals() {
    sim = HubSpotSimulator.builder().clock(clock).tenSecondLimit(5).start();
    HubSpotHttp client = client();
    for (int i = 0; i < 4; i++) {
      client.get(CONTACTS);
      clock.advance(Duration.ofSeconds(3));
    }
    assertThat(sim.maxRequestsInAnyWindow()).isEqualTo(4);

    for (int i = 0; i < 7; i++) {
      client.get(CONTACTS);
    }

    assertThat(sim.maxRequestsInAnyWindow()).isEqualTo(10);
    assertThat(sim.requestCount()).isEqualTo(11);
  }

  @Test
  void countsTheTokensRefusalsAndTheRequestsThatCameBackBeforeTheirRetryAfter() {
    sim = HubSpotSimulator.builder().clock(clock).tenSecondLimit(1).start();
    HubSpotHttp client = client();
    HubSpotHttp other = new HubSpotHttp(sim.baseUri(), sim.newToken());
    client.get(CONTACTS);
    HttpResponse<String> refused = client.get(CONTACTS);
    clock.advance(Duration.ofSeconds(5));
    HttpResponse<String> early = client.get(CONTACTS);
    other.get(CONTACTS);
    clock.advance(Duration.ofSeconds(5));

    HttpResponse<String> onTime = client.get(CONTACTS);

    assertThat(refused.headers().firstValue("Retry-After")).contains("10");
    assertThat(early.headers().firstValue("Retry-After")).as("told again, to the same instant").contains("5");
    assertThat(onTime.statusCode()).as("the first request slid out as the wait ended").isEqualTo(200);
    assertThat(sim.rateLimitedCount(sim.defaultToken())).isEqualTo(2);
    assertThat(sim.requestsBeforeRetryAfter(sim.defaultToken())).isEqualTo(1);
    assertThat(sim.rateLimitedCount(other.token())).isZero();
    assertThat(sim.requestsBeforeRetryAfter(other.token())).isZero();
  }

  @Test
  void aRefusalWithoutRetryAfterSetsNoWait() {
    sim = HubSpotSimulator.builder().clock(clock).tenSecondLimit(1).retryAfter(RetryAfterPolicy.NEVER).start();
    HubSpotHttp client = client();
    client.get(CONTACTS);
    client.get(CONTACTS);

    client.get(CONTACTS);

    assertThat(sim.rateLimitedCount(sim.defaultToken())).isEqualTo(2);
    assertThat(sim.requestsBeforeRetryAfter(sim.defaultToken())).isZero();
  }

  @Test
  void tokensHaveSeparateWindows() {
    sim = HubSpotSimulator.builder().clock(clock).tenSecondLimit(1).start();
    HubSpotHttp first = client();
    HubSpotHttp second = new HubSpotHttp(sim.baseUri(), sim.newToken());

    assertThat(first.get(CONTACTS).statusCode()).isEqualTo(200);
    assertThat(first.get(CONTACTS).statusCode()).isEqualTo(429);
    assertThat(second.get(CONTACTS).statusCode()).isEqualTo(200);
    assertThat(sim.maxRequestsInAnyWindow(sim.defaultToken())).isEqualTo(2);
  }

  @Test
  void dailyLimitPersistsUntilMidnightInThePortalTimeZone() {
    // 23:50 in New York on 10 March is 03:50 UTC on 11 March.
    clock.set(Instant.parse("2026-03-11T03:50:00Z"));
    sim =
        HubSpotSimulator.builder()
            .clock(clock)
            .dailyLimit(2)
            .timeZone(ZoneId.of("America/New_York"))
            .start();
    HubSpotHttp client = client();
    client.get(CONTACTS);
    HttpResponse<String> last = client.get(CONTACTS);
    assertThat(last.headers().firstValue("X-HubSpot-RateLimit-Daily-Remaining")).contains("0");

    HttpResponse<String> refused = client.get(CONTACTS);
    clock.advance(Duration.ofMinutes(9).plusSeconds(59));
    HttpResponse<String> stillRefused = client.get(CONTACTS);
    clock.advance(Duration.ofSeconds(1));
    HttpResponse<String> afterMidnight = client.get(CONTACTS);

    assertThat(refused.statusCode()).isEqualTo(429);
    JsonNode body = HubSpotHttp.json(refused);
    assertThat(body.path("message").asText()).isEqualTo("You have reached your daily limit.");
    assertThat(body.path("policyName").asText()).isEqualTo("DAILY");
    assertThat(body.path("errorType").asText()).isEqualTo("RATE_LIMIT");
    assertThat(refused.headers().firstValue("Retry-After")).as("default: Retry-After only for 10 s").isEmpty();
    assertThat(stillRefused.statusCode()).isEqualTo(429);
    assertThat(afterMidnight.statusCode()).isEqualTo(200);
    assertThat(afterMidnight.headers().firstValue("X-HubSpot-RateLimit-Daily-Remaining")).contains("1");
  }

  @Test
  void dailyResetIsNotAtUtcMidnightForAnotherZone() {
    clock.set(Instant.parse("2026-03-10T23:59:00Z"));
    sim = HubSpotSimulator.builder().clock(clock).dailyLimit(1).timeZone(ZoneId.of("Europe/Oslo")).start();
    HubSpotHttp client = client();
    client.get(CONTACTS);

    clock.advance(Duration.ofMinutes(2));

    assertThat(client.get(CONTACTS).statusCode()).as("Oslo passed midnight an hour ago").isEqualTo(429);
  }

  @Test
  void retryAfterPolicyCanCoverTheDailyLimitToo() {
    clock.set(Instant.parse("2026-03-10T23:00:00Z"));
    sim = HubSpotSimulator.builder().clock(clock).dailyLimit(1).retryAfter(RetryAfterPolicy.ALL_RATE_LIMITS).start();
    HubSpotHttp client = client();
    client.get(CONTACTS);

    assertThat(client.get(CONTACTS).headers().firstValue("Retry-After")).contains("3600");
  }

  @Test
  void retryAfterCanBeSwitchedOff() {
    sim = HubSpotSimulator.builder().clock(clock).tenSecondLimit(1).retryAfter(RetryAfterPolicy.NEVER).start();
    HubSpotHttp client = client();
    client.get(CONTACTS);

    HttpResponse<String> refused = client.get(CONTACTS);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isEmpty();
  }

  @Test
  void usageEndpointReportsTheDailyCounter() {
    clock.set(Instant.parse("2026-03-10T15:30:00Z"));
    sim = HubSpotSimulator.builder().clock(clock).tier(RateLimitTier.ENTERPRISE).timeZone(ZoneId.of("Europe/Berlin")).start();
    HubSpotHttp client = client();
    client.get(CONTACTS);

    JsonNode usage = HubSpotHttp.json(client.get("/account-info/v3/api-usage/daily/private-apps")).path("results").get(0);

    assertThat(usage.path("name").asText()).isEqualTo("private-apps-api-calls-daily");
    assertThat(usage.path("usageLimit").asLong()).isEqualTo(1_000_000);
    assertThat(usage.path("currentUsage").asLong()).isEqualTo(2);
    assertThat(usage.path("fetchStatus").asText()).isEqualTo("SUCCESS");
    assertThat(usage.path("collectedAt").asText()).isEqualTo("2026-03-10T15:30:00.000Z");
    assertThat(usage.path("resetsAt").asText()).isEqualTo("2026-03-10T23:00:00.000Z");
  }

  @Test
  void accountDetailsNameThePortalTheTokenBelongsTo() {
    clock.set(Instant.parse("2026-03-10T15:30:00Z"));
    sim = HubSpotSimulator.builder().clock(clock).portalId(4_412_001).timeZone(ZoneId.of("Europe/Berlin")).start();

    HttpResponse<String> answer = client().get("/account-info/v3/details");
    JsonNode details = HubSpotHttp.json(answer);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(details.path("portalId").asLong()).isEqualTo(4_412_001);
    assertThat(details.path("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(details.path("utcOffset").asText()).isEqualTo("+01:00");
    assertThat(details.path("utcOffsetMilliseconds").asLong()).isEqualTo(3_600_000);
    assertThat(sim.dailyUsage(sim.defaultToken())).as("the call counts like any other").isEqualTo(1);
    assertThat(HubSpotHttp.anonymous(sim.baseUri()).get("/account-info/v3/details").statusCode()).isEqualTo(401);
  }

  @Test
  void unauthenticatedRequestsDoNotUseQuota() {
    sim = HubSpotSimulator.builder().clock(clock).tenSecondLimit(1).start();
    HubSpotHttp.anonymous(sim.baseUri()).get(CONTACTS);

    assertThat(client().get(CONTACTS).statusCode()).isEqualTo(200);
  }

  private HubSpotHttp client() {
    return new HubSpotHttp(sim.baseUri(), sim.defaultToken());
  }
}

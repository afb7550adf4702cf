package io.leadbridge.connectors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.leadbridge.connector.api.CredentialUnavailableException;
import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connector.api.http.RedirectRefusedException;
import io.leadbridge.connector.api.http.RequestThrottledException;
import io.leadbridge.connector.api.http.ResponseTooLargeException;
import io.leadbridge.connector.api.http.VendorConnectionException;
import io.leadbridge.connector.api.http.VendorRequest;
import io.leadbridge.connector.api.http.VendorResponse;
import io.leadbridge.connector.api.http.VendorTimeoutException;
import io.leadbridge.connectors.IntegrationKey;
import io.leadbridge.connectors.IntegrationRateLimits;
import io.leadbridge.testing.VendorServer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP client plugins get, against a vendor on 127.0.0.1: pinning, credentials, limits, timeouts. */
class PinnedHttpClientTest {

  private final VendorServer vendor = new VendorServer();
  private final VendorServer elsewhere = new VendorServer();
  private final Calls calls = new Calls();

  @AfterEach
  void stop() {
    vendor.close();
    elsewhere.close();
  }

  @Test
  void requestsGoUnderTheBaseUrlWithAnEncodedQueryAndComeBackWhole() throws Exception {
    vendor.on("/api/v3/contacts/42", exchange -> VendorServer.respond(exchange, 207, "{\"ok\":true}",
        "Content-Type", "application/json", "X-RateLimit-Remaining", "9"));
    CallContext call = calls.context(vendor.url("/api/"));

    VendorResponse response = call.http().send(VendorRequest.get("/v3/contacts/42")
        .query("q", "a b&c=d").query("limit", "10").header("Accept", "application/json").build());

    assertThat(response.status()).isEqualTo(207);
    assertThat(response.bodyAsString()).isEqualTo("{\"ok\":true}");
    assertThat(response.header("x-ratelimit-remaining")).hasValue("9");
    VendorServer.Received seen = vendor.received().get(0);
    assertThat(seen.path()).isEqualTo("/api/v3/contacts/42");
    assertThat(seen.rawQuery()).isEqualTo("q=a%20b%26c%3Dd&limit=10");
    assertThat(seen.header("User-Agent")).isEqualTo("Leadbridge/test");
    assertThat(calls.limits.acquired()).containsExactly(new IntegrationKey("acme", Calls.TENANT, Calls.INTEGRATION));
    assertThat(calls.limits.finished()).as("the limiter hears the request ended, once").hasSize(1);
  }

  @Test
  void credentialsAreInjectedByTheHostAsBearerHeaderBasicAndFormParameter() throws Exception {
    calls.vault.put(Calls.INTEGRATION, "accessToken", "pat-sim-1234-abcd")
        .put(Calls.INTEGRATION, "clientId", "client-7")
        .put(Calls.INTEGRATION, "clientSecret", "s3cret&=+ é");
    vendor.on("/token", exchange -> VendorServer.respond(exchange, 200, "{}"));
    CallContext call = calls.context(vendor.url(""));

    call.http().send(VendorRequest.get("/token").bearerCredential("accessToken").build());
    call.http().send(VendorRequest.get("/token").headerCredential("x-api-token", "accessToken").build());
    call.http().send(VendorRequest.post("/token").basicCredential("clientId", "clientSecret").build());
    call.http().send(VendorRequest.post("/token")
        .body("grant_type=client_credentials".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded")
        .formCredential("client_secret", "clientSecret").build());

    var seen = vendor.received();
    assertThat(seen.get(0).header("Authorization")).isEqualTo("Bearer pat-sim-1234-abcd");
    assertThat(seen.get(1).header("x-api-token")).isEqualTo("pat-sim-1234-abcd");
    assertThat(seen.get(1).header("Authorization")).isNull();
    assertThat(seen.get(2).header("Authorization")).isEqualTo(
        "Basic " + Base64.getEncoder().encodeToString("client-7:s3cret&=+ é".getBytes(StandardCharsets.UTF_8)));
    assertThat(seen.get(3).body()).isEqualTo("grant_type=client_credentials&client_secret=s3cret%26%3D%2B+%C3%A9");
    assertThat(seen.get(3).header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(calls.vault.reveals()).hasSize(5);
  }

  @Test
  void aRequestCannotNameAnotherHost() throws Exception {
    assertThatThrownBy(() -> VendorRequest.get("https://evil.example/steal")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VendorRequest.get("//evil.example/steal")).isInstanceOf(IllegalArgumentException.class);
    vendor.on("/@127.0.0.2/steal", exchange -> VendorServer.respond(exchange, 200, "pinned"));
    CallContext call = calls.context(vendor.url(""));

    VendorResponse response = call.http().send(VendorRequest.get("/@127.0.0.2/steal").build());

    assertThat(response.bodyAsString()).isEqualTo("pinned");
    assertThat(vendor.received()).hasSize(1);
  }

  @Test
  void aRedirectToAnotherOriginIsRefusedAndNothingReachesIt() throws Exception {
    calls.vault.put(Calls.INTEGRATION, "accessToken", "pat-sim-redirect-1");
    // Same machine, another origin: another port, and the same port under another host name.
    vendor.on("/port", exchange -> VendorServer.respond(exchange, 302, "", "Location", elsewhere.url("/grab").toString()));
    vendor.on("/name", exchange -> VendorServer.respond(exchange, 307, "",
        "Location", "http://localhost:" + vendor.port() + "/grab"));
    elsewhere.on("/grab", exchange -> VendorServer.respond(exchange, 200, "took it"));
    CallContext call = calls.context(vendor.url(""));

    assertThatThrownBy(() -> call.http().send(VendorRequest.get("/port").bearerCredential("accessToken").build()))
        .isInstanceOfSatisfying(RedirectRefusedException.class, e -> assertThat(e.status()).isEqualTo(302));
    assertThatThrownBy(() -> call.http().send(VendorRequest.post("/name").bearerCredential("accessToken").build()))
        .isInstanceOfSatisfying(RedirectRefusedException.class, e -> assertThat(e.status()).isEqualTo(307));
    assertThat(elsewhere.received()).isEmpty();
    assertThat(vendor.received()).extracting(VendorServer.Received::path).containsExactly("/port", "/name");
  }

  @Test
  void redirectsWithinTheOriginAreFollowedWithTheCredentialsUpToFive() throws Exception {
    calls.vault.put(Calls.INTEGRATION, "accessToken", "pat-sim-follow-1");
    vendor.on("/old", exchange -> VendorServer.respond(exchange, 308, "", "Location", "/new"));
    vendor.on("/new", exchange -> VendorServer.respond(exchange, 303, "", "Location", vendor.url("/done").toString()));
    vendor.on("/done", exchange -> VendorServer.respond(exchange, 200, "done"));
    vendor.on("/loop", exchange -> VendorServer.respond(exchange, 302, "", "Location", "/loop"));
    CallContext call = calls.context(vendor.url(""));

    VendorResponse response = call.http().send(VendorRequest.post("/old").jsonBody("{\"a\":1}").bearerCredential("accessToken").build());

    assertThat(response.bodyAsString()).isEqualTo("done");
    var seen = vendor.received();
    assertThat(seen).extracting(VendorServer.Received::method).containsExactly("POST", "POST", "GET");
    assertThat(seen.get(1).body()).isEqualTo("{\"a\":1}");
    assertThat(seen.get(2).body()).isEmpty();
    assertThat(seen).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer pat-sim-follow-1"));

    assertThatThrownBy(() -> call.http().send(VendorRequest.get("/loop").build())).isInstanceOf(RedirectRefusedException.class);
    assertThat(vendor.received()).filteredOn(r -> r.path().equals("/loop")).hasSize(1 + PinnedHttpClient.MAX_REDIRECTS);
  }

  @Test
  void aBodyOverTheCapIsRefusedWithItsStatusDeclaredOrNot() throws Exception {
    calls.maxResponseBody(DataSize.bytes(1000));
    vendor.on("/declared", exchange -> VendorServer.respond(exchange, 200, "x".repeat(1001)));
    vendor.on("/chunked", exchange -> {
      exchange.sendResponseHeaders(201, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < 20; i++) {
          out.write("y".repeat(100).getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
    });
    vendor.on("/fits", exchange -> VendorServer.respond(exchange, 200, "z".repeat(1000)));
    CallContext call = calls.context(vendor.url(""));

    assertThatThrownBy(() -> call.http().send(VendorRequest.get("/declared").build()))
        .isInstanceOfSatisfying(ResponseTooLargeException.class, e -> {
          assertThat(e.status()).isEqualTo(200);
          assertThat(e.limitBytes()).isEqualTo(1000);
        });
    assertThatThrownBy(() -> call.http().send(VendorRequest.get("/chunked").build()))
        .isInstanceOfSatisfying(ResponseTooLargeException.class, e -> assertThat(e.status()).isEqualTo(201));
    assertThat(call.http().send(VendorRequest.get("/fits").build()).body()).hasSize(1000);
  }

  @Test
  void aSlowVendorTimesOutAtTheReadTimeout() {
    calls.readTimeout(Duration.milliseconds(300));
    vendor.on("/slow", exchange -> {
      Thread.sleep(3000);
      VendorServer.respond(exchange, 200, "late");
    });
    CallContext call = calls.context(vendor.url(""));

    long started = System.nanoTime();
    assertThatThrownBy(() -> call.http().send(VendorRequest.get("/slow").build()))
        .isInstanceOf(VendorTimeoutException.class)
        .hasMessageStartingWith("GET /slow");
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofMillis(2500));
  }

  @Test
  void theCallsDeadlineCutsAnExchangeShorterThanTheReadTimeout() {
    vendor.on("/slow", exchange -> {
      Thread.sleep(3000);
      VendorServer.respond(exchange, 200, "late");
    });
    CallContext call = calls.context(vendor.url(""), Instant.now().plusMillis(400));

    long started = System.nanoTime();
    assertThatThrownBy(() -> call.http().send(VendorRequest.get("/slow").build())).isInstanceOf(VendorTimeoutException.class);
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofMillis(2500));
  }

  @Test
  void afterTheDeadlineOrTheEndOfTheCallNothingIsSent() {
    vendor.on("/x", exchange -> VendorServer.respond(exchange, 200, "x"));
    CallContext late = calls.context(vendor.url(""), Instant.now().minusMillis(1));
    CallContext ended = calls.context(vendor.url(""));
    ended.end();

    assertThatThrownBy(() -> late.http().send(VendorRequest.get("/x").build()))
        .isInstanceOf(VendorTimeoutException.class).hasMessageContaining("deadline");
    assertThatThrownBy(() -> ended.http().send(VendorRequest.get("/x").build()))
        .isInstanceOf(VendorTimeoutException.class).hasMessageContaining("over");
    assertThat(vendor.received()).isEmpty();
  }

  @Test
  void aClosedPortIsAConnectionFailure() {
    elsewhere.close();
    CallContext call = calls.context(elsewhere.url(""));

    assertThatThrownBy(() -> call.http().send(VendorRequest.get("/x").build()))
        .isInstanceOf(VendorConnectionException.class)
        .hasMessage("GET /x: ConnectException");
  }

  @Test
  void withoutAPermitNothingIsSentAndThePluginLearnsWhenToRetry() {
    calls.limits.answer(IntegrationRateLimits.Permit.throttled(java.time.Duration.ofSeconds(7), RateLimitScope.DAILY));
    CallContext call = calls.context(vendor.url(""));

    assertThatThrownBy(() -> call.http().send(VendorRequest.get("/x").build()))
        .isInstanceOfSatisfying(RequestThrottledException.class, e -> {
          assertThat(e.retryAfter()).isEqualTo(java.time.Duration.ofSeconds(7));
          assertThat(e.scope()).isEqualTo(RateLimitScope.DAILY);
        });
    assertThat(vendor.received()).isEmpty();
  }

  @Test
  void aMissingOrUnsendableCredentialFailsBeforeAnythingIsSent() {
    calls.vault.put(Calls.INTEGRATION, "clientSecret", "line\r\nX-Injected: yes");
    CallContext call = calls.context(vendor.url(""));

    assertThatThrownBy(() -> call.http().send(VendorRequest.get("/x").bearerCredential("accessToken").build()))
        .isInstanceOf(CredentialUnavailableException.class).hasMessageContaining("accessToken");
    assertThatThrownBy(() -> call.http().send(VendorRequest.get("/x").headerCredential("X-Secret", "clientSecret").build()))
        .isInstanceOf(CredentialUnavailableException.class)
        .hasMessageContaining("clientSecret")
        .hasMessageNotContaining("Injected");
    assertThatThrownBy(() -> call.http().send(VendorRequest.get("/x").bearerCredential("undeclared").build()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(vendor.received()).isEmpty();
  }

  @Test
  void rateLimitFeedbackReachesTheLimiterForTheIntegrationAndLongWaitsAreCut() {
    CallContext call = calls.context(vendor.url(""));
    RateLimitReport report = RateLimitReport.remaining(RateLimitScope.WINDOW, 3).withLimit(100);

    call.rateLimits().report(report);
    call.rateLimits().retryAfter(java.time.Duration.ofDays(3), RateLimitScope.DAILY);

    IntegrationKey key = new IntegrationKey("acme", Calls.TENANT, Calls.INTEGRATION);
    assertThat(calls.limits.reports()).containsExactly(java.util.Map.entry(key, report));
    assertThat(calls.limits.retryAfters()).containsExactly(java.util.Map.entry(key, java.time.Duration.ofDays(1)));
    assertThatThrownBy(() -> call.rateLimits().retryAfter(java.time.Duration.ofSeconds(-1), RateLimitScope.WINDOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyExchangeIsTimedPerConnectorAndOutcome() throws Exception {
    vendor.on("/x", exchange -> VendorServer.respond(exchange, 503, ""));
    CallContext call = calls.context(vendor.url(""));

    call.http().send(VendorRequest.get("/x").build());

    assertThat(calls.metrics.timer("connectors.http.requests;connector=acme;outcome=5xx").getCount()).isEqualTo(1);
  }
}

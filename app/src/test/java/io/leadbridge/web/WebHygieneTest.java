package io.leadbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.testing.Api;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.TestApps;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every HTTP exchange gets, whatever the endpoint: hygiene headers, limits, probes. Runs on
 * each database; not thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(Db.class)
public class WebHygieneTest extends HubTest {

  private static final List<String> PROBES = List.of(
      "/.env", "/.git/config", "/config.php", "/wp-admin/", "/wp-login.php", "/actuator/env",
      "/server-status", "/.aws/credentials", "/.DS_Store", "/backup.sql");

  private static final List<String> HTTP_METHODS = List.of("get", "head", "post", "put", "patch", "delete", "options");

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.app(db);
  }

  @Test
  void probePathsAre404WithNoContentOnBothPorts() {
    for (Api port : List.of(hub().api(), hub().admin())) {
      for (String probe : PROBES) {
        for (String method : List.of("GET", "POST", "HEAD")) {
          HttpResponse<String> r = port.send(method, probe, hub().operatorKey(), null, null);
          assertThat(r.statusCode()).as(method + " " + probe).isEqualTo(404);
          assertThat(r.body()).as(method + " " + probe).isEmpty();
        }
      }
    }
  }

  @Test
  void apiResponsesCarryHygieneHeadersAndNoServerVersion() {
    for (HttpResponse<String> r : List.of(
        hub().api().get("/v1/me", hub().operatorKey()),
        hub().api().get("/v1/me", null),
        hub().api().get("/no/such/path", null))) {
      assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(r.headers().firstValue("Server")).isEmpty();
      assertThat(r.headers().firstValue("X-Powered-By")).isEmpty();
    }
  }

  @Test
  void unknownPathIsAProblemWithAGenericDetail() {
    HttpResponse<String> r = hub().api().get("/v2/anything", hub().operatorKey());
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = Hub.json(r);
    assertThat(problem.get("code").asText()).isEqualTo("not_found");
    assertThat(problem.get("detail").asText()).isEqualTo("nothing is found at this path");
    assertThat(problem.get("errorId").asText()).matches("[0-9a-f]{16}");
  }

  @Test
  void wrongMethodIs405WithAllow() {
    HttpResponse<String> r = hub().api().send("PUT", "/v1/me", hub().operatorKey(), "application/json", "{}");
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(Hub.json(r).get("code").asText()).isEqualTo("method_not_allowed");
    assertThat(r.headers().firstValue("Allow")).isPresent();
  }

  @Test
  void unacceptableMediaTypeIs406() {
    HttpRequest request = HttpRequest.newBuilder(hub().api().uri("/v1/me"))
        .header("Authorization", "Bearer " + hub().operatorKey())
        .header("Accept", "application/xml").GET().build();
    HttpResponse<String> r = hub().api().send(request);
    assertThat(r.statusCode()).isEqualTo(406);
    assertThat(r.body()).contains("\"not_acceptable\"");
  }

  @Test
  void bodyOverOneMebibyteIs413() {
    String big = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\",\"slug\":\"big\"}";
    HttpResponse<String> r = hub().api().postJson("/v1/tenants", hub().operatorKey(), big);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(Hub.json(r).get("code").asText()).isEqualTo("payload_too_large");
  }

  @Test
  void chunkedBodyOverTheLimitIs413Too() {
    byte[] chunk = "x".repeat(64 * 1024).getBytes();
    HttpRequest request = HttpRequest.newBuilder(hub().api().uri("/v1/tenants"))
        .header("Authorization", "Bearer " + hub().operatorKey())
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofInputStream(() -> oversizedStream(chunk, 20)))
        .build();
    HttpResponse<String> r = hub().api().send(request);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("payload_too_large");
  }

  @Test
  void openApiDescribesTheImplementedEndpoints() {
    HttpResponse<String> r = hub().api().get("/openapi.json", null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode doc = Hub.json(r);
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    assertThat(doc.get("paths").has("/v1/tenants")).isTrue();
    assertThat(doc.get("paths").has("/v1/tenants/{tenantId}/api-keys/{keyId}")).isTrue();
    assertThat(doc.get("paths").get("/v1/me").get("get").has("requestBody")).as("@Auth is not a body").isFalse();
  }

  @Test
  void openApiSaysEveryV1OperationMayBeRateLimitedWithRetryAfter() {
    JsonNode doc = Hub.json(hub().api().get("/openapi.json", null));
    JsonNode rateLimited = doc.at("/components/responses/RateLimited");
    assertThat(rateLimited.at("/headers/Retry-After/schema/type").asText()).isEqualTo("integer");
    assertThat(rateLimited.at("/content/application~1problem+json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(doc.at("/components/schemas/Problem/properties").has("errorId")).isTrue();
    assertThat(doc.at("/info/description").asText()).contains("429", "rate_limited", "Retry-After");
    doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
      if (path.getKey().startsWith("/v1/") && HTTP_METHODS.contains(operation.getKey())) {
        assertThat(operation.getValue().at("/responses/429/$ref").asText())
            .as(operation.getKey() + " " + path.getKey()).isEqualTo("#/components/responses/RateLimited");
      }
    }));
  }

  @Test
  void adminPortListensOnLoopbackOnly() {
    DefaultServerFactory server = (DefaultServerFactory) app().getConfiguration().getServerFactory();
    assertThat(((HttpConnectorFactory) server.getAdminConnectors().get(0)).getBindHost()).isEqualTo("127.0.0.1");
    assertThat(new io.leadbridge.LeadbridgeConfiguration().getServerFactory())
        .extracting(f -> ((HttpConnectorFactory) ((DefaultServerFactory) f).getAdminConnectors().get(0)).getBindHost())
        .isEqualTo("127.0.0.1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/healthcheck", "/metrics"})
  void adminEndpointsServeOnTheAdminPort(String path) {
    assertThat(hub().admin().get(path, null).statusCode()).isIn(200, 500);
  }

  /** A body of unknown length, so the client sends it chunked without a Content-Length. */
  private static InputStream oversizedStream(byte[] chunk, int count) {
    List<InputStream> parts = new ArrayList<>();
    parts.add(new ByteArrayInputStream("{\"name\":\"".getBytes(StandardCharsets.UTF_8)));
    for (int i = 0; i < count; i++) {
      parts.add(new ByteArrayInputStream(chunk));
    }
    return new SequenceInputStream(Collections.enumeration(parts));
  }
}

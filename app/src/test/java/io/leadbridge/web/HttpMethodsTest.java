package io.leadbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.RawHttp;
import io.leadbridge.testing.TestApps;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which methods a path takes, as 405 and {@code OPTIONS} tell it. Runs on each database; not
 * thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(Db.class)
public class HttpMethodsTest extends HubTest {

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.app(db);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "PUT    | /v1/me                | GET, HEAD, OPTIONS",
      "DELETE | /v1/tenants           | GET, HEAD, POST, OPTIONS",
      "GET    | /v1/plugins/reload    | POST, OPTIONS",
      "POST   | /v1/tenants/00000000-0000-0000-0000-000000000000 | GET, HEAD, DELETE, OPTIONS"})
  void aWrongMethodIs405WithAllowListingThePathsMethods(String method, String path, String allow) {
    HttpResponse<String> r = hub().api().send(method, path, hub().operatorKey(), "application/json", "{}");
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(r.headers().firstValue("Allow")).hasValue(allow);
    JsonNode problem = Hub.json(r);
    assertThat(problem.get("code").asText()).isEqualTo("method_not_allowed");
    assertThat(problem.get("detail").asText()).contains(allow);
  }

  @ParameterizedTest
  @ValueSource(strings = {"TRACE", "PROPFIND", "FOO"})
  void aMethodNoPathTakesIs501WithoutAnAllowList(String method) {
    RawHttp.Response r = new RawHttp(app().getLocalPort())
        .send(method + " /v1/me HTTP/1.1", "Authorization: Bearer " + hub().operatorKey());
    assertThat(r.status()).as(r.raw()).isEqualTo(501);
    assertThat(r.header("Content-Type")).hasValue("application/problem+json");
    assertThat(r.body()).contains("\"code\":\"not_implemented\"").doesNotContain("Authorization");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/v1/me", "/v1/tenants", "/v1/leads", "/v1/tenants/00000000-0000-0000-0000-000000000000/api-keys"})
  void optionsWithoutAValidKeyIs401AndNamesNoMethods(String path) {
    for (String key : new String[] {null, "lb_" + "0".repeat(32) + "_" + "0".repeat(64), "Basic abc"}) {
      HttpResponse<String> r = options(path, key, "*/*", "https://evil.example");
      assertThat(r.statusCode()).as(path + " " + key).isEqualTo(401);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"leadbridge\"");
      assertThat(Hub.json(r).get("code").asText()).isEqualTo("unauthorized");
      assertThat(r.headers().firstValue("Allow")).isEmpty();
      assertNoCors(r);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"*/*", "text/plain", "application/json", "application/vnd.sun.wadl+xml"})
  void optionsWithAKeyIs204WithAllowWhateverTheAccept(String accept) {
    HttpResponse<String> r = options("/v1/tenants", hub().operatorKey(), accept, "https://evil.example");
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD, POST, OPTIONS");
    assertThat(r.headers().firstValue("Content-Type")).isEmpty();
    assertThat(r.body()).isEmpty();
    assertNoCors(r);
  }

  @Test
  void optionsNeedsAKeyButNoParticularRole() {
    String writer = hub().tenantKey(hub().createTenant(), Role.TENANT_WRITER);
    HttpResponse<String> r = options("/v1/leads", writer, "*/*", null);
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD, POST, OPTIONS");
  }

  @Test
  void noWadlIsServed() {
    for (String path : List.of("/application.wadl", "/v1/application.wadl", "/application.wadl?detail=true")) {
      HttpResponse<String> r = hub().api().get(path, hub().operatorKey());
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.body()).doesNotContain("wadl").doesNotContain("<");
    }
  }

  private HttpResponse<String> options(String path, String key, String accept, String origin) {
    HttpRequest.Builder request = HttpRequest.newBuilder(hub().api().uri(path))
        .method("OPTIONS", BodyPublishers.noBody()).header("Accept", accept);
    if (key != null) {
      request.header("Authorization", key.contains(" ") ? key : "Bearer " + key);
    }
    if (origin != null) {
      request.header("Origin", origin).header("Access-Control-Request-Method", "POST");
    }
    return hub().api().send(request.build());
  }

  private static void assertNoCors(HttpResponse<String> r) {
    assertThat(r.headers().map().keySet())
        .noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"));
  }
}

package io.leadbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.RawHttp;
import io.leadbridge.testing.TestApps;
import java.net.http.HttpResponse;
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
}

package io.leadbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.RawHttp;
import io.leadbridge.testing.TestApps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The requests Jetty refuses before Jersey sees them are answered as problem+json, never as Jetty's
 * HTML page, sent over a raw socket because {@code HttpClient} would normalise or refuse them. Not
 * thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(Db.class)
public class JettyErrorsTest extends HubTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.app(db);
  }

  @Test
  void aTwentyKibHeaderIs431HeaderTooLarge() {
    RawHttp.Response r = raw().send("GET /v1/me HTTP/1.1", "X-Padding: " + "a".repeat(20 * 1024));
    JsonNode problem = problem(r, 431, "header_too_large", "/v1/me");
    assertThat(problem.get("detail").asText()).contains("8192 bytes");
  }

  @Test
  void aTwentyKibUriIs414UriTooLong() {
    String path = "/v1/" + "a".repeat(20 * 1024);
    JsonNode problem = problem(raw().send("GET " + path + " HTTP/1.1"), 414, "uri_too_long", path);
    assertThat(problem.get("detail").asText()).contains("8192 bytes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1//me", "/%2e%2e/", "/v1/%2e%2e/me", "/v1/%2E%2E/me", "/v1%2Fme", "/v1/tenants/a%2Fb",
      "/../x", "/v1/../../me"})
  void ambiguousPathsAre400AmbiguousPath(String path) {
    problem(raw().send("GET " + path + " HTTP/1.1", key()), 400, "ambiguous_path", path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1/me%5C", "/v1/me\\x", "/v1/me%00", "/v1/%5c..%5cme"})
  void suspiciousPathCharactersAre400InvalidPath(String path) {
    problem(raw().send("GET " + path + " HTTP/1.1", key()), 400, "invalid_path", path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0000", "\u0001", "\u001b", "\u007f"})
  void aControlCharacterInAHeaderValueIs400InvalidHeader(String control) {
    RawHttp.Response r = raw().send("GET /v1/me HTTP/1.1", key(), "X-Note: a" + control + "b");
    problem(r, 400, "invalid_header", "/v1/me");
  }

  @Test
  void aSpaceInAHeaderNameIs400InvalidHeader() {
    problem(raw().send("GET /v1/me HTTP/1.1", key(), "Bad Name: x"), 400, "invalid_header", "/v1/me");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GARBAGE", "G@T /v1/me HTTP/1.1", "GET /v1/me HTTP/1.1 extra", "POST"})
  void aMalformedRequestLineIs400BadRequest(String requestLine) {
    problem(raw().send(requestLine), 400, "bad_request", requestLine);
  }

  @Test
  void anUnknownHttpVersionIs505WithOnlyACodeAndErrorId() {
    RawHttp.Response r = raw().send("GET /v1/me HTTP/9.9");
    JsonNode problem = body(r, 505);
    assertThat(problem.get("code").asText()).isEqualTo("http_version_not_supported");
    assertThat(problem.has("detail")).isFalse();
  }

  @Test
  void theAdminPortAnswersProblemsToo() {
    RawHttp admin = new RawHttp(app().getAdminPort());
    problem(admin.send("GET /healthcheck//x HTTP/1.1"), 400, "ambiguous_path", "/healthcheck");
    problem(admin.send("GET /metrics HTTP/1.1", "X-Padding: " + "a".repeat(20 * 1024)), 431, "header_too_large",
        "/metrics");
  }

  /** Asserts a 4xx problem with an actionable detail that does not echo the request, and returns it. */
  private static JsonNode problem(RawHttp.Response r, int status, String code, String path) {
    JsonNode problem = body(r, status);
    assertThat(problem.get("code").asText()).as(r.raw()).isEqualTo(code);
    assertThat(problem.get("type").asText()).isEqualTo("urn:leadbridge:problem:" + code);
    assertThat(problem.get("detail").asText()).isNotBlank();
    assertThat(r.body()).doesNotContain(path).doesNotContainIgnoringCase("jetty");
    return problem;
  }

  private static JsonNode body(RawHttp.Response r, int status) {
    assertThat(r.status()).as(r.raw()).isEqualTo(status);
    assertThat(r.header("Content-Type")).as(r.raw()).hasValue("application/problem+json");
    assertThat(r.header("Server")).isEmpty();
    assertThat(r.header("Cache-Control")).hasValue("no-store");
    assertThat(r.body().toLowerCase(Locale.ROOT)).doesNotContain("<html");
    try {
      JsonNode problem = JSON.readTree(r.body());
      assertThat(problem.get("status").asInt()).isEqualTo(status);
      assertThat(problem.get("errorId").asText()).matches("[0-9a-f]{16}");
      return problem;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private RawHttp raw() {
    return new RawHttp(app().getLocalPort());
  }

  private String key() {
    return "Authorization: Bearer " + hub().operatorKey();
  }
}

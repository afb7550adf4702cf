package io.leadbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeApplication;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.storage.Databases;
import io.leadbridge.testing.Api;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.TestApps;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 5xx answers are generic and logged once with their errorId; database messages never reach the
 * log with the values they bound; a request value cannot forge a log event. Runs on each database;
 * not thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(Db.class)
public class FailureLoggingTest extends HubTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The directory of the hub's log files, which the tests read back: each database's own, set
   * before its hub starts.
   */
  private static java.nio.file.Path logs;

  @BeforeParameterizedClassInvocation
  static void freshLogs() {
    logs = TestApps.tempDir();
  }

  /** The failing hub on this database, logging to files under {@link #logs}. */
  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.app(
        FailingApp.class,
        "test-app-filelog.yml",
        db,
        ConfigOverride.config("logging.appenders[0].currentLogFilename", logs.resolve("app.log").toString()),
        ConfigOverride.config(
            "server.requestLog.appenders[0].currentLogFilename", logs.resolve("requests.log").toString()));
  }

  /** The hub plus a resource that fails in the ways production code could. */
  public static class FailingApp extends LeadbridgeApplication {
    @Override
    public void run(LeadbridgeConfiguration config, Environment environment) {
      super.run(config, environment);
      environment.jersey().register(new FailingResource(Databases.forCommand(config.database())));
    }
  }

  /** Test-only endpoints; not part of the product. */
  @Path("/test")
  public static class FailingResource {
    private static final Logger LOG = LoggerFactory.getLogger(FailingResource.class);
    private final Jdbi jdbi;

    FailingResource(Jdbi jdbi) {
      this.jdbi = jdbi;
    }

    @GET
    @Path("/duplicate")
    public String duplicate(@QueryParam("slug") String slug) {
      for (int i = 0; i < 2; i++) {
        jdbi.useHandle(h -> h.createUpdate(
                "INSERT INTO tenants (id, name, slug, status, created_at) VALUES (:id, 'n', :slug, 'active', :at)")
            .bind("id", UUID.randomUUID()).bind("slug", slug).bind("at", Instant.now()).execute());
      }
      return "unreachable";
    }

    @GET
    @Path("/echo-log")
    public String echoLog(@QueryParam("v") String value) {
      LOG.warn("caller sent {}", value);
      return "logged";
    }
  }

  @Test
  void unexpectedFailureIsGenericAndLoggedOnceWithoutBoundValues() throws Exception {
    String marker = "canary-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> r = api().get("/test/duplicate?slug=" + marker, null);
    assertThat(r.statusCode()).isEqualTo(500);
    JsonNode problem = Hub.json(r);
    assertThat(problem.get("title").asText()).isEqualTo("Internal Server Error");
    assertThat(problem.has("detail")).isFalse();
    assertThat(r.body()).doesNotContain(marker).doesNotContain("SQL").doesNotContain("Exception");
    String errorId = problem.get("errorId").asText();

    List<String> lines = waitForLine(logs.resolve("app.log"), errorId);
    assertThat(lines.stream().filter(l -> l.contains(errorId))).hasSize(1);
    assertThat(String.join("\n", lines)).doesNotContain(marker);
  }

  @Test
  void aValueWithNewlinesAndJsonStaysInsideOneEvent() throws Exception {
    String forged = "x\n{\"level\":\"ERROR\",\"message\":\"forged\"}\r\n";
    HttpResponse<String> r = api().get("/test/echo-log?v=" + java.net.URLEncoder.encode(forged, "UTF-8"), null);
    assertThat(r.statusCode()).isEqualTo(200);
    List<String> lines = waitForLine(logs.resolve("app.log"), "caller sent");
    for (String line : lines) {
      JsonNode event = JSON.readTree(line);
      assertThat(event.isObject()).as(line).isTrue();
      assertThat(event.path("message").asText()).as("no event forged by a request value").isNotEqualTo("forged");
    }
    assertThat(lines.stream().filter(l -> l.contains("caller sent"))).hasSize(1);
  }

  @Test
  void requestLogIsOneJsonObjectPerLine() throws Exception {
    api().send("GET", "/v1/me", "Bearer x\"}{\"forged\":true", null, null);
    List<String> lines = waitForLine(logs.resolve("requests.log"), "/v1/me");
    for (String line : lines) {
      assertThat(JSON.readTree(line).isObject()).as(line).isTrue();
      assertThat(JSON.readTree(line).has("forged")).isFalse();
    }
  }

  private Api api() {
    return new Api(app().getLocalPort());
  }

  private static List<String> waitForLine(java.nio.file.Path file, String needle) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
      if (lines.stream().anyMatch(l -> l.contains(needle)) || System.nanoTime() > deadline) {
        return lines;
      }
      Thread.sleep(50);
    }
  }
}

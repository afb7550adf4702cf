package io.leadbridge.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.PluginJar;
import io.leadbridge.testing.Poll;
import io.leadbridge.testing.TestApps;
import io.leadbridge.testing.TestTrust;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A plugin written as an attacker would ({@code hostile/HostileConnector.java}, built during the
 * test) walks by reflection everything it can reach from its context, the hub's static fields,
 * every thread and the logging and metrics singletons, during a check, inside its own
 * {@code withSecret} callback and during a delivery, on both databases. It must find no other
 * tenant's secret, no Jdbi, no data source or connection, no vault, key or key cache, no registry,
 * limiter or configuration, and its own secret only inside the callback; and the hub serves on.
 */
class HostilePluginTest {

  private static final String OWN = "CANARY-own-" + UUID.randomUUID();
  private static final String OTHER_HUBSPOT = "CANARY-other-hubspot-" + UUID.randomUUID();
  private static final String OTHER_WEBHOOK = "CANARY-other-webhook-" + UUID.randomUUID();
  private static final Path REPORT = report();
  private static final HubSpotSimulator HUBSPOT = HubSpotSimulator.builder().token(OTHER_HUBSPOT).start();
  private static final Path HOSTILE_JAR = hostileJar();

  private Hub hub;

  @AfterAll
  static void stopSimulator() {
    HUBSPOT.close();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void aReflectiveWalkFromEverythingAPluginCanReachFindsNothingButItsOwnSecretInsideItsCallback(Db db) throws Exception {
    Files.deleteIfExists(REPORT);
    Path plugins = TestApps.tempDir();
    Files.copy(HOSTILE_JAR, plugins.resolve("hostile.jar"));
    TestTrust.allow(plugins, HOSTILE_JAR);
    // The walks take seconds on a busy machine; the test is about what they reach, not how fast.
    DropwizardAppExtension<LeadbridgeConfiguration> app = TestApps.appWithHubSpot(db, plugins,
        ConfigOverride.config("delivery.checkTimeout", "2 minutes"));
    app.before();
    try {
      hub = new Hub(app);
      walkAndCheck();
    } finally {
      app.after();
    }
  }

  /** The walker finds what it looks for: a forbidden object and a needle, when they are among its roots. */
  @Test
  void theWalkFindsForbiddenObjectsAndSecretsWhenTheyAreReachable() throws Exception {
    Path jar = HOSTILE_JAR;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> walker = Class.forName("com.example.hostile.HostileConnector$Walker", true, loader);
      Constructor<?> create = walker.getDeclaredConstructor();
      create.setAccessible(true);
      Method walk = walker.getDeclaredMethod("walk", Object[].class);
      walk.setAccessible(true);
      Object reachable = List.of(new LeadbridgeConfiguration(), Map.of("nested", new Object[] {OTHER_HUBSPOT.toCharArray()}));
      String report = (String) walk.invoke(create.newInstance(), (Object) new Object[] {reachable});
      assertThat(report).contains("FORBIDDEN io.leadbridge.LeadbridgeConfiguration").contains("NEEDLE " + OTHER_HUBSPOT);
    }
  }

  private Hub hub() {
    return hub;
  }

  private void walkAndCheck() throws IOException {
    UUID victim = hub().createTenant();
    String victimKey = hub().tenantKey(victim, Role.TENANT_ADMIN);
    String hubspot = create(victimKey, "/v1/integrations/third-party", "{\"connector\":\"hubspot\",\"name\":\"CRM\","
        + "\"baseUrl\":\"" + HUBSPOT.baseUri() + "\",\"credentials\":{\"accessToken\":\"" + OTHER_HUBSPOT + "\"}}");
    create(victimKey, "/v1/integrations/internal", "{\"name\":\"DMS\",\"endpoint\":{\"url\":\"http://127.0.0.1:1/hook\"},"
        + "\"auth\":{\"type\":\"api-key-header\",\"headerName\":\"X-Key\",\"apiKey\":\"" + OTHER_WEBHOOK + "\"},"
        + "\"signingSecret\":\"" + OTHER_WEBHOOK + "-signing\"}");
    // The victim's token was just decrypted for its own check: whatever the hub caches or remembers of it is warm.
    JsonNode victimCheck = Hub.json(hub().api().postJson(hubspot + "/check", victimKey, ""));
    assertThat(victimCheck.get("ok").asBoolean()).as(victimCheck.toString()).isTrue();

    UUID attacker = hub().createTenant();
    String attackerKey = hub().tenantKey(attacker, Role.TENANT_ADMIN);
    String hostile = create(attackerKey, "/v1/integrations/third-party", "{\"connector\":\"example\",\"name\":\"Hostile\","
        + "\"credentials\":{\"apiKey\":\"" + OWN + "\"}}");
    // The walks take seconds, on a busy machine more than the test client's usual 20 s: wait as long as the check may run.
    HttpResponse<String> check = hub().api().send(HttpRequest.newBuilder(hub().api().uri(hostile + "/check"))
        .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + attackerKey)
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
    sendLead(attacker);
    Poll.until("the hostile plugin's delivery walk", Duration.ofSeconds(60), () -> phases().containsKey("deliver"));

    Map<String, String> phases = phases();
    assertThat(phases).containsKeys("check", "check-callback", "check-after", "deliver");
    phases.forEach((phase, report) -> {
      assertThat(report).as(phase).doesNotContain("FORBIDDEN").doesNotContain(OTHER_HUBSPOT).doesNotContain(OTHER_WEBHOOK);
      assertThat(header(report, "truncated")).as(phase + ": " + firstLine(report)).isEqualTo("false");
      assertThat(Integer.parseInt(header(report, "maxDepth"))).as(phase).isGreaterThanOrEqualTo(8);
      assertThat(Integer.parseInt(header(report, "objects"))).as(phase).isGreaterThan(1_000);
      assertThat(Integer.parseInt(header(report, "hubClasses"))).as(phase).isGreaterThan(300);
    });
    // The walk is able to find a secret: inside the callback it finds the plugin's own, and only there.
    assertThat(phases.get("check-callback")).contains("NEEDLE " + OWN);
    assertThat(phases.get("check")).doesNotContain(OWN);
    assertThat(phases.get("check-after")).doesNotContain(OWN);
    assertThat(phases.get("deliver")).doesNotContain(OWN);

    assertThat(hub().api().get("/v1/me", victimKey).statusCode()).isEqualTo(200);
    assertThat(Hub.json(hub().api().postJson(hubspot + "/check", victimKey, "")).get("ok").asBoolean()).isTrue();
  }

  private String create(String key, String base, String json) {
    HttpResponse<String> created = hub().api().postJson(base, key, json);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return base + "/" + Hub.json(created).get("id").asText();
  }

  private void sendLead(UUID tenant) {
    String body = "{\"externalId\":\"form-1\",\"customer\":{\"firstName\":\"Dana\",\"lastName\":\"Reyes\","
        + "\"emails\":[\"dana-" + UUID.randomUUID() + "@example.com\"]},"
        + "\"vehicles\":[{\"year\":2021,\"make\":\"Honda\",\"model\":\"Accord\"}]}";
    HttpRequest request = HttpRequest.newBuilder(hub().api().uri("/v1/leads"))
        .header("Authorization", "Bearer " + hub().tenantKey(tenant, Role.TENANT_WRITER))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> accepted = hub().api().send(request);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
  }

  /** The report by phase: each phase's header line and findings. */
  private static Map<String, String> phases() {
    Map<String, String> phases = new LinkedHashMap<>();
    try {
      if (!Files.exists(REPORT)) {
        return phases;
      }
      String[] parts = Files.readString(REPORT, StandardCharsets.UTF_8).split("(?m)^=== ");
      for (String part : Arrays.asList(parts).subList(1, parts.length)) {
        int newline = part.indexOf('\n');
        phases.put(part.substring(0, newline), part.substring(newline + 1));
      }
      return phases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String firstLine(String report) {
    return report.lines().findFirst().orElse("");
  }

  private static String header(String report, String name) {
    for (String pair : firstLine(report).split(" ")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError("no " + name + " in " + firstLine(report));
  }

  private static Path report() {
    try {
      Path report = Files.createTempFile("hostile-report-", ".txt");
      Files.delete(report);
      System.setProperty("leadbridge.hostile.report", report.toString());
      Files.write(Path.of(report + ".needles"), List.of(OWN, OTHER_HUBSPOT, OTHER_WEBHOOK));
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path hostileJar() {
    try (InputStream source = HostilePluginTest.class.getResourceAsStream("/hostile/HostileConnector.java")) {
      return PluginJar.plugin("example", "1.0.0")
          .source("com.example.hostile.HostileConnector", new String(source.readAllBytes(), StandardCharsets.UTF_8))
          .extension("com.example.hostile.HostileConnector")
          .writeTo(TestApps.tempDir(), "hostile.jar");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

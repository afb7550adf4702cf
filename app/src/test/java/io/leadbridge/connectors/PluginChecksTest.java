package io.leadbridge.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.auth.Role;
import io.leadbridge.testing.ConnectorSource;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.PluginJar;
import io.leadbridge.testing.Poll;
import io.leadbridge.testing.TestApps;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code POST …/check} runs like a delivery: on the connector's bulkhead thread, not the request's;
 * a check that hangs is interrupted at {@code delivery.checkTimeout} and answered 504
 * {@code check_timed_out}; a second check of the same integration while one runs is 409
 * {@code check_in_progress}; and after a timeout the integration can be checked again. Not
 * thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(value = Db.class, names = "H2")
class PluginChecksTest extends HubTest {

  /** While this system property is set, the plugin's check sleeps for a minute (interruptibly). */
  private static final String HANG = "leadbridge.test.check-hangs-" + UUID.randomUUID();

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.appWithPlugins(db, plugins(),
        ConfigOverride.config("delivery.checkTimeout", "1 second"));
  }

  @Test
  void aCheckRunsOnTheConnectorsBulkheadNotOnTheRequestThread() {
    String admin = admin();
    String path = integration(admin);

    JsonNode check = Hub.json(hub().api().postJson(path + "/check", admin, ""));

    assertThat(check.get("ok").asBoolean()).as(check.toString()).isTrue();
    assertThat(check.get("detail").asText()).isEqualTo("checked on delivery-example-");
  }

  @Test
  void aHangingCheckIsCutAtTheCheckTimeoutAndASecondOneMeanwhileIsAConflict() throws Exception {
    String admin = admin();
    String path = integration(admin);
    System.setProperty(HANG, "yes");
    try {
      long started = System.nanoTime();
      CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> hub().api().postJson(path + "/check", admin, ""));
      Poll.until("the first check running", Duration.ofSeconds(5), () -> System.getProperty(HANG + ".running") != null);
      HttpResponse<String> second = hub().api().postJson(path + "/check", admin, "");
      assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
      assertThat(Hub.json(second).get("code").asText()).isEqualTo("check_in_progress");

      HttpResponse<String> timedOut = first.get();
      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      assertThat(timedOut.statusCode()).as(timedOut.body()).isEqualTo(504);
      assertThat(Hub.json(timedOut).get("code").asText()).isEqualTo("check_timed_out");
      assertThat(tookMillis).isLessThan(5_000);
    } finally {
      System.clearProperty(HANG);
    }
    Poll.until("the interrupted check over", Duration.ofSeconds(5), () -> System.getProperty(HANG + ".running") == null);
    assertThat(Hub.json(hub().api().postJson(path + "/check", admin, "")).get("ok").asBoolean()).isTrue();
  }

  private String admin() {
    UUID tenant = hub().createTenant();
    return hub().tenantKey(tenant, Role.TENANT_ADMIN);
  }

  private String integration(String admin) {
    HttpResponse<String> created = hub().api().postJson("/v1/integrations/third-party", admin,
        "{\"connector\":\"example\",\"name\":\"CRM\",\"credentials\":{\"apiKey\":\"k-" + UUID.randomUUID() + "\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return "/v1/integrations/third-party/" + Hub.json(created).get("id").asText();
  }

  private static Path plugins() {
    Path dir = TestApps.tempDir();
    PluginJar.of(ConnectorSource.connector("example", "1.0.0").checkBody("""
        if (System.getProperty("%1$s") != null) {
          System.setProperty("%1$s.running", "yes");
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            System.clearProperty("%1$s.running");
          }
          return CheckResult.failure("woke up");
        }
        String thread = Thread.currentThread().getName();
        return CheckResult.success("checked on " + thread.substring(0, thread.lastIndexOf('-') + 1));""".formatted(HANG)))
        .writeTo(dir, "example.jar");
    return dir;
  }
}

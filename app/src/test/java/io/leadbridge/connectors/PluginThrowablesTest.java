package io.leadbridge.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeApplication;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.testing.ConnectorSource;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Hub;
import io.leadbridge.testing.HubTest;
import io.leadbridge.testing.Leads;
import io.leadbridge.testing.PluginJar;
import io.leadbridge.testing.TestApps;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever a plugin throws — an {@code Error} of its own, {@code AssertionError},
 * {@code OutOfMemoryError} from its allocation, {@code StackOverflowError}, {@code ThreadDeath}, a
 * throwable whose own methods throw — from {@code deliver}, {@code check}, its constructor,
 * {@code start}, {@code descriptor} or {@code stop} is contained: a retryable outcome for the lead
 * that caused it alone (its batch-mates are tried one by one and delivered), a failed check with
 * an error id, or FAILED with a one-line cause; and the hub serves on. Not thread-safe (JUnit runs
 * its tests one at a time).
 */
@ParameterizedClass
@EnumSource(value = Db.class, names = "H2")
class PluginThrowablesTest extends HubTest {

  static final List<String> MODES = List.of("error", "assertion", "oom", "stack", "threaddeath", "hostile", "runtime");

  private static final Path PLUGINS = plugins();

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> newApp(Db db) {
    return TestApps.appWithPlugins(db, PLUGINS,
        ConfigOverride.config("connectors.startTimeout", "5 seconds"),
        // Quarantine has its own test: here every mode is tried many times over.
        ConfigOverride.config("connectors.containment.quarantineAfter", "1000"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"error", "assertion", "oom", "stack", "threaddeath", "hostile", "runtime"})
  void aThrowableFromDeliverIsRetryableForItsLeadAloneWhileItsBatchMatesAreDelivered(String mode) {
    LeadRecord poison = Leads.lead().customField("mode", mode).build();
    LeadRecord before = Leads.lead().build();
    LeadRecord after = Leads.lead().build();
    List<DeliveryOutcome> outcomes;
    try (ConnectorLease lease = registry().started("thrower", soon()).orElseThrow()) {
      outcomes = lease.deliver(target(""), List.of(before, poison, after));
    }

    assertThat(outcomes).hasSize(3);
    assertThat(outcomes.get(0)).isEqualTo(DeliveryOutcome.created("ok-" + before.leadId()));
    assertThat(outcomes.get(1)).isInstanceOf(DeliveryOutcome.Retryable.class);
    assertThat(((DeliveryOutcome.Retryable) outcomes.get(1)).reason()).matches("connector thrower 1\\.0\\.0 failed \\(errorId [0-9a-f]{16}\\)");
    assertThat(outcomes.get(2)).isEqualTo(DeliveryOutcome.created("ok-" + after.leadId()));
    assertThat(hub().api().get("/v1/me", hub().operatorKey()).statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"error", "assertion", "oom", "stack", "threaddeath", "hostile", "runtime"})
  void aThrowableFromCheckIsAFailedCheckWithAnErrorId(String mode) {
    CheckResult result;
    try (ConnectorLease lease = registry().started("thrower", soon()).orElseThrow()) {
      result = lease.check(target(mode));
    }

    assertThat(result.ok()).isFalse();
    assertThat(result.detail()).matches("connector thrower 1\\.0\\.0 failed to check \\(errorId [0-9a-f]{16}\\)");
  }

  @Test
  void aBatchOfOneThatThrowsIsRetryableAndTheNextCallWorks() {
    LeadRecord poison = Leads.lead().customField("mode", "oom").build();
    LeadRecord good = Leads.lead().build();
    try (ConnectorLease lease = registry().started("thrower", soon()).orElseThrow()) {
      assertThat(lease.deliver(target(""), List.of(poison))).singleElement().isInstanceOf(DeliveryOutcome.Retryable.class);
      assertThat(lease.deliver(target(""), List.of(good))).containsExactly(DeliveryOutcome.created("ok-" + good.leadId()));
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ctor-oom.jar|OutOfMemoryError",
      "start-error.jar|LifecycleError: start refused",
      "descriptor-assertion.jar|descriptor() threw: AssertionError: no descriptor",
      "descriptor-control.jar|the descriptor's displayName contains a control or invisible formatting character",
      "descriptor-token.jar|the descriptor's settingsFields.region.help contains something shaped like a credential"})
  void anErrorOrABadDescriptorWhileLoadingLeavesThePluginFailedWithAOneLineCause(String file, String expected) {
    JsonNode plugin = plugin(file);

    assertThat(plugin.get("state").asText()).as(plugin.toString()).isEqualTo("FAILED");
    String cause = plugin.get("cause").asText();
    assertThat(cause).contains(expected).doesNotContain("\n", "\tat ", ".java:", TOKEN_SHAPED);
  }

  @Test
  void anErrorFromStopLeavesTheHubRunningAndTheReloadDone() {
    List<PluginStatus> before = registry().plugins();
    assertThat(before).anySatisfy(status -> assertThat(status.file()).isEqualTo("stop-error.jar"));
    PluginJar.of(ConnectorSource.connector("stop-error", "1.0.1")).writeTo(PLUGINS, "stop-error.jar");

    List<PluginStatus> after = registry().reload();

    assertThat(after).filteredOn(status -> status.file().equals("stop-error.jar")).singleElement()
        .satisfies(status -> {
          assertThat(status.state()).isEqualTo(PluginState.STARTED);
          assertThat(status.version()).contains("1.0.1");
        });
    assertThat(hub().api().get("/v1/me", hub().operatorKey()).statusCode()).isEqualTo(200);
  }

  private ConnectorRegistry registry() {
    return ((LeadbridgeApplication) app().getApplication()).connectors();
  }

  private static CallTarget target(String mode) {
    return CallTarget.of(UUID.randomUUID(), UUID.randomUUID(), mode.isEmpty() ? Map.of() : Map.of("mode", mode));
  }

  private static Instant soon() {
    return Instant.now().plusSeconds(30);
  }

  private JsonNode plugin(String file) {
    for (JsonNode item : Hub.json(hub().api().get("/v1/plugins", hub().operatorKey())).get("items")) {
      if (item.get("file").asText().equals(file)) {
        return item;
      }
    }
    throw new AssertionError("no plugin " + file);
  }

  /** A help text a careless plugin author pasted a token into. */
  private static final String TOKEN_SHAPED = "zz9" + "x7Kq2LmN9pR4sT6vW8yZ1aB3cD5eF0";

  private static Path plugins() {
    Path dir = TestApps.tempDir();
    PluginJar.of(ConnectorSource.connector("descriptor-control", "1.0.0").descriptorBody("return "
        + ConnectorSource.descriptor("descriptor-control", "1.0.0").replace(".displayName(\"Test descriptor-control\")",
            ".displayName(\"Looks\\u202eharmless\")") + ";")).writeTo(dir, "descriptor-control.jar");
    PluginJar.of(ConnectorSource.connector("descriptor-token", "1.0.0").descriptorBody("return "
        + ConnectorSource.descriptor("descriptor-token", "1.0.0").replace(".defaultValue(\"eu\")",
            ".defaultValue(\"eu\").help(\"try " + TOKEN_SHAPED + "\")") + ";")).writeTo(dir, "descriptor-token.jar");
    PluginJar.of(thrower()).writeTo(dir, "thrower.jar");
    PluginJar.of(ConnectorSource.connector("ctor-oom", "1.0.0").constructor("long[] all = new long[Integer.MAX_VALUE];"))
        .writeTo(dir, "ctor-oom.jar");
    ConnectorSource startError = ConnectorSource.connector("start-error", "1.0.0");
    PluginJar.of(startError).manifest("Plugin-Class", startError.packageName() + ".ErrorPlugin")
        .source(startError.packageName() + ".ErrorPlugin", """
            package com.example.start_error;
            public class ErrorPlugin extends org.pf4j.Plugin {
              static class LifecycleError extends Error {
                LifecycleError(String message) { super(message); }
              }
              @Override public void start() { throw new LifecycleError("start refused"); }
            }""").writeTo(dir, "start-error.jar");
    PluginJar.of(ConnectorSource.connector("descriptor-assertion", "1.0.0")
        .descriptorBody("throw new AssertionError(\"no descriptor\");")).writeTo(dir, "descriptor-assertion.jar");
    ConnectorSource stopError = ConnectorSource.connector("stop-error", "1.0.0");
    PluginJar.of(stopError).manifest("Plugin-Class", stopError.packageName() + ".StopPlugin")
        .source(stopError.packageName() + ".StopPlugin", """
            package com.example.stop_error;
            public class StopPlugin extends org.pf4j.Plugin {
              @Override public void stop() { throw new StackOverflowError("stop"); }
            }""").writeTo(dir, "stop-error.jar");
    return dir;
  }

  /**
   * Throws in deliver as a lead's custom field {@code mode} says, and in check as the setting
   * {@code mode} says; delivers every other lead.
   */
  static ConnectorSource thrower() {
    return ConnectorSource.connector("thrower", "1.0.0")
        .descriptorBody("""
            return ConnectorDescriptor.builder().id("thrower").displayName("Thrower").vendor("Example Inc.")
                .pluginVersion("1.0.0").capabilities(Capability.UPSERT, Capability.BATCH)
                .settingsField(FieldSpec.builder("mode", "Mode").build())
                .defaultBaseUrl("https://api.example.com")
                .defaultRateLimit(RateLimitProfile.of(10, Duration.ofSeconds(1)))
                .maxBatchSize(10)
                .build();""")
        .members(THROWING_MEMBERS)
        .checkBody("""
            throwAs(context.settings().get("mode"));
            return CheckResult.success("fine");""")
        .deliverBody("""
            List<DeliveryOutcome> outcomes = new ArrayList<>();
            for (LeadRecord lead : batch) {
              throwAs(lead.customFields().getOrDefault("mode", ""));
              outcomes.add(DeliveryOutcome.created("ok-" + lead.leadId()));
            }
            return outcomes;""");
  }

  /** The plugin code that throws each kind of throwable. */
  static final String THROWING_MEMBERS = """
      static class Doom extends Error {
        Doom(String message) { super(message); }
      }

      static class Hostile extends RuntimeException {
        @Override public String getMessage() { throw new IllegalStateException("no message for you"); }
        @Override public synchronized Throwable getCause() { throw new IllegalStateException("no cause either"); }
        @Override public StackTraceElement[] getStackTrace() { throw new IllegalStateException("nor a trace"); }
      }

      static long[] hoard;

      static int deeper(int depth) {
        return deeper(depth + 1) + 1;
      }

      @SuppressWarnings("removal")
      static void throwAs(String mode) {
        switch (mode == null ? "" : mode) {
          case "error" -> throw new Doom("the end of the world");
          case "assertion" -> throw new AssertionError("cannot happen");
          case "oom" -> hoard = new long[Integer.MAX_VALUE];
          case "stack" -> deeper(0);
          case "threaddeath" -> throw new ThreadDeath();
          case "hostile" -> throw new Hostile();
          case "runtime" -> throw new IllegalStateException("plain failure");
          default -> { }
        }
      }
      """;
}

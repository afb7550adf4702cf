package io.leadbridge.connectors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.leadbridge.connector.api.ConnectorMetrics;
import io.leadbridge.connector.api.CredentialUnavailableException;
import io.leadbridge.connector.api.SecretView;
import io.leadbridge.connectors.CallTarget;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The context a plugin call gets: credentials in a callback only, a log that cannot print secrets, bounded metrics. */
class CallContextTest {

  private static final URI BASE = URI.create("https://api.acme.example/v1");

  private final Calls calls = new Calls();
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger pluginLogger = (Logger) LoggerFactory.getLogger(RedactingLog.LOGGER_PREFIX + "acme");

  @BeforeEach
  void captureLog() {
    logged.start();
    pluginLogger.addAppender(logged);
    pluginLogger.setLevel(ch.qos.logback.classic.Level.DEBUG);
  }

  @AfterEach
  void releaseLog() {
    pluginLogger.detachAppender(logged);
  }

  @Test
  void aSecretIsRevealedOnlyInsideTheCallbackAndWipedAfter() {
    calls.vault.put(Calls.INTEGRATION, "clientSecret", "s3cret-value");
    CallContext call = calls.context(BASE);
    AtomicReference<SecretView> kept = new AtomicReference<>();
    AtomicReference<char[]> keptChars = new AtomicReference<>();

    int length = call.credentials().withSecret("clientSecret", secret -> {
      kept.set(secret);
      keptChars.set(secret.chars());
      assertThat(new String(secret.chars())).isEqualTo("s3cret-value");
      assertThat(secret.utf8()).hasSize(12);
      assertThat(secret.toString()).doesNotContain("s3cret");
      return secret.length();
    });

    assertThat(length).isEqualTo(12);
    assertThat(keptChars.get()).containsOnly('\0');
    assertThatThrownBy(() -> kept.get().chars()).isInstanceOf(IllegalStateException.class);
    assertThat(call.credentials().isSet("clientSecret")).isTrue();
    assertThat(call.credentials().isSet("accessToken")).isFalse();
    assertThat(calls.vault.reveals()).extracting(ref -> ref.connectorId() + ":" + ref.field()).containsExactly("acme:clientSecret");
  }

  @Test
  void credentialsFollowTheDescriptorAndTheCall() {
    CallContext call = calls.context(BASE);

    assertThatThrownBy(() -> call.credentials().withSecret("password", s -> 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> call.credentials().isSet("password")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> call.credentials().withSecret("accessToken", s -> 1)).isInstanceOf(CredentialUnavailableException.class);
    calls.vault.put(Calls.INTEGRATION, "accessToken", "pat-sim-late");
    call.end();
    assertThatThrownBy(() -> call.credentials().withSecret("accessToken", s -> 1)).isInstanceOf(IllegalStateException.class);
    assertThat(calls.vault.reveals()).isEmpty();
  }

  @Test
  void theLogRedactsRevealedValuesAndCredentialShapedTextAndStaysOnOneLine() {
    calls.vault.put(Calls.INTEGRATION, "clientSecret", "hunter2-but-longer");
    CallContext call = calls.context(BASE);
    String leaked = call.credentials().withSecret("clientSecret", secret -> new String(secret.chars()));

    call.log().warn("vendor said {} for {}", "bad secret " + leaked, "Authorization: Bearer abc.def.ghi");
    call.log().info("token=pat-sim-generated-test-value-0001 jwt eyJ0ZXN0LW9ubHk.eyJnZW5lcmF0ZWQ.dGVzdC1zaWduYXR1cmU");
    call.log().info("forged\nINFO fake line\r\n{\"apiKey\": \"k-123\"}");
    call.log().error("failed", new IllegalStateException("upstream echoed hunter2-but-longer", new RuntimeException("password=pw1")));
    call.log().debug("lead {} at {}", "2f1e8c9b-0a11-4c1e-9d7a-5b0d3c6e3f4a", "/crm/v3/objects/contacts/batch/upsert");

    assertThat(logged.list).hasSize(5);
    String all = String.join("\n", logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    assertThat(all).doesNotContain("hunter2", "abc.def.ghi", "pat-sim-generated", "eyJ0ZXN0LW9ubHk", "dGVzdC1zaWduYXR1cmU", "k-123", "pw1");
    assertThat(logged.list.get(0).getFormattedMessage()).isEqualTo("vendor said bad secret [REDACTED] for Authorization: Bearer [REDACTED]");
    assertThat(logged.list.get(2).getFormattedMessage()).doesNotContain("\n", "\r");
    assertThat(logged.list.get(3).getFormattedMessage())
        .startsWith("failed | java.lang.IllegalStateException: upstream echoed [REDACTED] <- java.lang.RuntimeException");
    assertThat(logged.list.get(3).getThrowableProxy()).isNull();
    assertThat(logged.list.get(4).getFormattedMessage())
        .isEqualTo("lead 2f1e8c9b-0a11-4c1e-9d7a-5b0d3c6e3f4a at /crm/v3/objects/contacts/batch/upsert");
    assertThat(logged.list.get(0).getMDCPropertyMap()).containsEntry("connector", "acme")
        .containsEntry("tenantId", Calls.TENANT.toString()).containsEntry("integrationId", Calls.INTEGRATION.toString());
  }

  @Test
  void aRevealedValueIsForgottenWhenTheCallEnds() {
    calls.vault.put(Calls.INTEGRATION, "clientSecret", "rememberme-123");
    CallContext call = calls.context(BASE);
    call.credentials().withSecret("clientSecret", secret -> secret.length());
    Redactor redactor = call.redactor();

    assertThat(redactor.redact("x rememberme-123 y")).isEqualTo("x [REDACTED] y");
    call.end();
    assertThat(redactor.redact("x rememberme-123 y")).isEqualTo("x rememberme-123 y");
  }

  @Test
  void longMessagesAreCut() {
    CallContext call = calls.context(BASE);

    call.log().info("{}", "word ".repeat(1000));

    assertThat(logged.list.get(0).getFormattedMessage()).hasSize(RedactingLog.MAX_LENGTH + 1).endsWith("…");
  }

  @Test
  void metricsAreNamedPerConnectorAndSamplesBreakingTheRulesAreDropped() {
    CallContext call = calls.context(BASE);
    ConnectorMetrics metrics = call.metrics();

    metrics.increment("vendor.calls", Map.of("status", "2xx", "endpoint", "batch_upsert"));
    metrics.increment("vendor.calls", Map.of("endpoint", "batch_upsert", "status", "2xx"));
    metrics.record("vendor.latency", Duration.ofMillis(40), Map.of());
    metrics.increment("Bad Name", Map.of());
    metrics.increment("vendor.calls", Map.of("lead", "dana@example.com"));
    metrics.increment("vendor.calls", Map.of("a", "1", "b", "2", "c", "3", "d", "4", "e", "5"));
    metrics.record("vendor.calls", Duration.ofMillis(1), Map.of("endpoint", "batch_upsert", "status", "2xx"));
    metrics.record("vendor.latency", Duration.ofMillis(-1), Map.of());
    for (int i = 0; i < 60; i++) {
      metrics.increment("per.lead", Map.of("n", Integer.toString(i)));
    }

    assertThat(calls.metrics.counter("connector.acme.vendor.calls;endpoint=batch_upsert;status=2xx").getCount()).isEqualTo(2);
    assertThat(calls.metrics.timer("connector.acme.vendor.latency").getCount()).isEqualTo(1);
    assertThat(calls.metrics.getNames()).filteredOn(name -> name.startsWith("connector.acme.per.lead"))
        .hasSize(ConnectorMetrics.MAX_SERIES_PER_NAME);
    assertThat(calls.metrics.getNames()).noneMatch(name -> name.contains("Bad") || name.contains("dana") || name.contains("e=5"));
  }

  @Test
  void theTargetMustFitTheConnector() {
    CallContexts contexts = new CallContexts(java.time.Clock.systemUTC(), calls.vault, calls.limits, calls.metrics,
        new VendorHttpTransport(calls.http, "test"));
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(5);

    assertThatThrownBy(() -> contexts.create(Calls.DESCRIPTOR,
        CallTarget.of(Calls.TENANT, Calls.INTEGRATION, Map.of("region", "mars")), deadline))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region").hasMessageNotContaining("mars");
    assertThatThrownBy(() -> contexts.create(Calls.DESCRIPTOR,
        CallTarget.of(Calls.TENANT, Calls.INTEGRATION, Map.of("portal", "1")), deadline))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> contexts.create(Calls.DESCRIPTOR,
        CallTarget.of(Calls.TENANT, Calls.INTEGRATION, Map.of()).withBaseUrl(URI.create("ftp://files.acme.example")), deadline))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
    CallContext call = contexts.create(Calls.DESCRIPTOR, CallTarget.of(Calls.TENANT, Calls.INTEGRATION, Map.of()), deadline);
    assertThat(call.settings().get("region")).isEqualTo("eu");
    assertThat(call.http()).isNotNull();
    assertThatThrownBy(call::mail).isInstanceOf(IllegalStateException.class).hasMessageContaining("HTTP");
  }
}

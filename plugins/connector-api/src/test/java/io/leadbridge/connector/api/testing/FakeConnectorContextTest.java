package io.leadbridge.connector.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.SecretView;
import io.leadbridge.connector.api.Transport;
import io.leadbridge.connector.api.mail.VendorMail;
import io.leadbridge.connector.api.mail.VendorMailException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Tests the fake context's host-like behaviour: secret wiping, refusals, mail, logs and metrics. Each test runs confined to one JUnit thread. */
class FakeConnectorContextTest {

    private static final ConnectorDescriptor ADF = ConnectorDescriptor.builder().id("adf-email")
            .displayName("ADF e-mail").vendor("ADF").pluginVersion("1.0.0").transport(Transport.EMAIL)
            .defaultRateLimit(RateLimitProfile.of(10, Duration.ofMinutes(1))).build();

    @Test
    void aRevealedSecretIsWipedWhenTheCallbackEnds() {
        FakeConnectorContext context = FakeConnectorContext.builder(ExampleConnector.DESCRIPTOR)
                .credential("accessToken", "pat-test").build();
        AtomicReference<SecretView> kept = new AtomicReference<>();
        AtomicReference<char[]> keptChars = new AtomicReference<>();

        int length = context.credentials().withSecret("accessToken", secret -> {
            kept.set(secret);
            keptChars.set(secret.chars());
            assertThat(new String(secret.utf8(), StandardCharsets.UTF_8)).isEqualTo("pat-test");
            return secret.length();
        });

        assertThat(length).isEqualTo(8);
        assertThat(keptChars.get()).containsOnly('\0');
        assertThatThrownBy(() -> kept.get().chars()).isInstanceOf(IllegalStateException.class);
        assertThat(kept.get()).hasToString("SecretView[***]");
        assertThat(context.revealedFields()).containsExactly("accessToken");
    }

    @Test
    void checkedExceptionsPassThroughWithSecret() {
        FakeConnectorContext context = FakeConnectorContext.builder(ExampleConnector.DESCRIPTOR)
                .credential("accessToken", "pat-test").build();

        assertThatThrownBy(() -> context.credentials().withSecret("accessToken", secret -> {
            throw new GeneralSecurityException("cannot sign");
        })).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void refusesUndeclaredFieldsAndTheWrongTransport() {
        FakeConnectorContext http = FakeConnectorContext.builder(ExampleConnector.DESCRIPTOR).build();

        assertThatThrownBy(() -> http.credentials().isSet("password")).isInstanceOf(IllegalArgumentException.class);
        assertThat(http.credentials().isSet("accessToken")).isFalse();
        assertThatThrownBy(http::mail).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FakeConnectorContext.builder(ADF).build().http()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FakeConnectorContext.builder(ExampleConnector.DESCRIPTOR).credential("other", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeConnectorContext.builder(ExampleConnector.DESCRIPTOR).setting("other", "x").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sendsMailToTheDefaultHandlerUntilTheCallEnds() throws VendorMailException {
        FakeConnectorContext context = FakeConnectorContext.builder(ADF).build();
        VendorMail mail = VendorMail.of("New lead - Example Motors", "<?adf version=\"1.0\"?><adf/>");

        assertThat(context.mail().send(mail)).isEqualTo("<fake-1@leadbridge.test>");
        context.end();

        assertThatThrownBy(() -> context.mail().send(mail)).isInstanceOf(VendorMailException.class);
        assertThat(context.mails()).containsExactly(mail);
    }

    @Test
    void rendersLogLinesWithoutRedactingAndChecksMetricRules() {
        FakeConnectorContext context = FakeConnectorContext.builder(ExampleConnector.DESCRIPTOR).build();

        context.log().info("sent {} of {}", 2, 3, new IllegalStateException("boom"));
        context.log().error("no placeholders", "extra");

        assertThat(context.logLines()).containsExactly("INFO sent 2 of 3 | java.lang.IllegalStateException: boom",
                "ERROR no placeholders");
        assertThatThrownBy(() -> context.metrics().increment("Bad Name")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> context.metrics().increment("calls", Map.of("lead", "dana@example.com")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

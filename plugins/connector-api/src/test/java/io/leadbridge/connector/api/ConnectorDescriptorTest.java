package io.leadbridge.connector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests the descriptor's validation and value semantics. Each test runs confined to one JUnit thread. */
class ConnectorDescriptorTest {

    @Test
    void buildsAValidDescriptor() {
        ConnectorDescriptor descriptor = Fixtures.descriptor().build();

        assertThat(descriptor.id()).isEqualTo("hubspot");
        assertThat(descriptor.transport()).isEqualTo(Transport.HTTP);
        assertThat(descriptor.capabilities()).containsExactlyInAnyOrder(Capability.UPSERT, Capability.BATCH);
        assertThat(descriptor.credentialFields()).extracting(FieldSpec::name).containsExactly("accessToken");
        assertThat(descriptor.settingsFields()).extracting(FieldSpec::name)
                .containsExactly("portalId", "idProperty", "createDeals");
        assertThat(descriptor.defaultBaseUrl()).contains(URI.create("https://api.hubapi.com"));
        assertThat(descriptor.maxBatchSize()).isEqualTo(100);
        assertThat(descriptor).isEqualTo(Fixtures.descriptor().build()).hasSameHashCodeAs(Fixtures.descriptor().build());
        assertThat(descriptor).hasToString("ConnectorDescriptor[hubspot 1.2.0]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "h", "HubSpot", "1hubspot", "-hubspot", "hub_spot", "hub spot",
        "a23456789012345678901234567890123456789012"})
    void rejectsABadId(String id) {
        assertThatThrownBy(() -> Fixtures.descriptor().id(id).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id must match");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "adf-email", "a2345678901234567890123456789012345678901"})
    void acceptsAGoodId(String id) {
        assertThat(Fixtures.descriptor().id(id).build().id()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, ConnectorDescriptor.MAX_BATCH_SIZE_LIMIT + 1})
    void rejectsABatchSizeOutOfRange(int size) {
        assertThatThrownBy(() -> Fixtures.descriptor().maxBatchSize(size).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBatchSize");
    }

    @Test
    void rejectsBatchCapabilityWithBatchSizeOne() {
        assertThatThrownBy(() -> Fixtures.descriptor().maxBatchSize(1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BATCH");
    }

    @Test
    void rejectsDuplicateFieldNamesWithinAndAcrossKinds() {
        FieldSpec token = FieldSpec.builder("accessToken", "Token").build();
        FieldSpec portal = FieldSpec.builder("portalId", "Portal").build();

        assertThatThrownBy(() -> Fixtures.descriptor().credentialField(token).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate field name accessToken");
        assertThatThrownBy(() -> Fixtures.descriptor().settingsField(portal).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate field name portalId");
        assertThatThrownBy(() -> Fixtures.descriptor().credentialField(portal).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate field name portalId");
    }

    @Test
    void rejectsASecretSettingsField() {
        FieldSpec secret = FieldSpec.builder("apiKey", "API key").secret().build();

        assertThatThrownBy(() -> Fixtures.descriptor().settingsField(secret).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.hubapi.com", "https://user@api.hubapi.com", "https://api.hubapi.com?x=1",
        "https://api.hubapi.com#f", "/relative", "mailto:leads@example.com"})
    void rejectsABaseUrlThatIsNotPlainHttps(String url) {
        assertThatThrownBy(() -> Fixtures.descriptor().defaultBaseUrl(url).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultBaseUrl");
    }

    @Test
    void anEmailConnectorHasNoDefaultBaseUrl() {
        ConnectorDescriptor.Builder email = Fixtures.descriptor().id("adf-email").transport(Transport.EMAIL);

        assertThatThrownBy(email::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EMAIL");
        ConnectorDescriptor adf = ConnectorDescriptor.builder().id("adf-email").displayName("ADF e-mail")
                .vendor("ADF").pluginVersion("1.0.0").transport(Transport.EMAIL)
                .defaultRateLimit(RateLimitProfile.of(10, Duration.ofMinutes(1))).build();
        assertThat(adf.defaultBaseUrl()).isEmpty();
        assertThat(adf.maxBatchSize()).isEqualTo(1);
    }

    @Test
    void rejectsMissingOrMalformedRequiredValues() {
        assertThatNullPointerException().isThrownBy(() -> Fixtures.descriptor().defaultRateLimit(null).build());
        assertThatNullPointerException().isThrownBy(() -> Fixtures.descriptor().pluginVersion(null).build());
        assertThatThrownBy(() -> Fixtures.descriptor().pluginVersion("v1").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fixtures.descriptor().displayName(" ").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exposesUnmodifiableCollections() {
        ConnectorDescriptor descriptor = Fixtures.descriptor().build();

        assertThatThrownBy(() -> descriptor.capabilities().add(Capability.DEALS))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> descriptor.settingsFields().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}

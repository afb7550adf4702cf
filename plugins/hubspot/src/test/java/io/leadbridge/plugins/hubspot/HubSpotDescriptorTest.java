package io.leadbridge.plugins.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.leadbridge.connector.api.Capability;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.FieldSpec;
import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.Settings;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tests what the connector tells the host about itself: id and version as in its manifest, the
 * fields a tenant fills in, HubSpot's limits and batch size. Each test runs confined to one JUnit
 * thread.
 */
class HubSpotDescriptorTest {

    private final ConnectorDescriptor descriptor = new HubSpotConnector().descriptor();

    @Test
    void namesThePluginAsItsManifestDoes() {
        assertThat(descriptor.id()).isEqualTo("hubspot");
        assertThat(descriptor.pluginVersion()).isEqualTo("0.1.0");
        assertThat(descriptor.capabilities()).containsExactlyInAnyOrder(Capability.UPSERT, Capability.BATCH,
                Capability.DEALS);
        assertThat(descriptor.defaultBaseUrl()).contains(URI.create("https://api.hubapi.com"));
    }

    @Test
    void asksForTheTokenAsASecretAndForSettingsWithDefaults() {
        assertThat(descriptor.credentialFields()).extracting(FieldSpec::name, FieldSpec::secret, FieldSpec::required)
                .containsExactly(tuple("accessToken", true, true));
        Settings defaults = Settings.of(descriptor.settingsFields(), Map.of());
        assertThat(descriptor.settingsFields()).extracting(FieldSpec::name).containsExactly("idProperty", "createDeal",
                "dealPipeline", "dealStage", "dealIdProperty", "portalTimeZone");
        assertThat(defaults.get("idProperty")).isEqualTo("leadbridge_lead_id");
        assertThat(defaults.getBoolean("createDeal")).isFalse();
        assertThat(defaults.get("portalTimeZone")).isEqualTo("UTC");
    }

    @Test
    void startsFromHubSpotsPrivateAppLimitsAndBatchesOfOneHundred() {
        assertThat(descriptor.defaultRateLimit())
                .isEqualTo(RateLimitProfile.of(100, Duration.ofSeconds(10)).withDailyCap(250_000, ZoneOffset.UTC));
        assertThat(descriptor.maxBatchSize()).isEqualTo(100);
    }
}

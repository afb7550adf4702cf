package io.leadbridge.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.leadbridge.LeadbridgeConfiguration;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code rollout} configuration: no server by default, the token a secret, limits named by key. */
class RolloutConfigurationTest {

  private final YamlConfigurationFactory<LeadbridgeConfiguration> factory =
      new YamlConfigurationFactory<>(LeadbridgeConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");

  @Test
  void aFileWithoutARolloutSectionUsesTheEmbeddedBootstrap() throws Exception {
    RolloutConfiguration rollout = factory.build(new ResourceConfigurationSourceProvider(), "test-app.yml").getRollout();

    assertThat(rollout.hasServer()).isFalse();
    assertThat(rollout.getRefreshInterval().toSeconds()).isEqualTo(15);
    assertThat(rollout.getFetchTimeout().toSeconds()).isEqualTo(5);
  }

  @Test
  void aServerIsReadWithItsTokenAsASecretThatDoesNotPrint() throws Exception {
    RolloutConfiguration rollout = parse("""
        rollout:
          serverUrl: https://unleash.example.com
          apiToken: default:production.pat-sim-unleash-token
          refreshInterval: 5s
          fetchTimeout: 2s
        """);

    assertThat(rollout.getServerUrl()).isEqualTo(URI.create("https://unleash.example.com"));
    assertThat(rollout.apiToken().toString()).doesNotContain("pat-sim");
    assertThat(rollout.apiToken().length()).isEqualTo("default:production.pat-sim-unleash-token".length());
    assertThat(rollout.getRefreshInterval().toSeconds()).isEqualTo(5);
    assertThat(Jackson.newObjectMapper().valueToTree(rollout).toString()).doesNotContain("pat-sim");
  }

  @Test
  void aServerWithoutATokenOrATokenWithoutAServerIsRefused() {
    assertThatThrownBy(() -> parse("rollout:\n  serverUrl: https://unleash.example.com\n"))
        .isInstanceOf(ConfigurationValidationException.class).hasMessageContaining("apiToken is required");
    assertThatThrownBy(() -> parse("rollout:\n  apiToken: default:production.x\n"))
        .isInstanceOf(ConfigurationValidationException.class).hasMessageContaining("apiToken is required");
    assertThatThrownBy(() -> parse("rollout:\n  serverUrl: ftp://unleash.example.com\n  apiToken: t\n"))
        .isInstanceOf(ConfigurationValidationException.class).hasMessageContaining("absolute http or https");
  }

  @Test
  void limitsOutsideTheirRangeNameTheKey() {
    assertThatThrownBy(() -> parse("rollout:\n  refreshInterval: 100ms\n"))
        .isInstanceOf(ConfigurationValidationException.class).hasMessageContaining("rollout.refreshInterval");
  }

  private RolloutConfiguration parse(String rolloutYaml) throws Exception {
    String yaml = """
        storage:
          database:
            driverClass: org.h2.Driver
            url: jdbc:h2:mem:config
        """ + rolloutYaml;
    return factory.build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "inline.yml").getRollout();
  }
}

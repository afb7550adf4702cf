package io.leadbridge.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.testing.TestApps;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code connectors} configuration: defaults that keep old files working, units, limits. */
class ConnectorsConfigurationTest {

  private final YamlConfigurationFactory<LeadbridgeConfiguration> factory =
      new YamlConfigurationFactory<>(LeadbridgeConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");

  @Test
  void aFileWithoutAConnectorsSectionGetsTheDefaults() throws Exception {
    ConnectorsConfiguration connectors = factory.build(new ResourceConfigurationSourceProvider(), "test-app.yml").getConnectors();

    assertThat(connectors.getPluginsDirectory()).isEmpty();
    assertThat(connectors.resolvedPluginsDirectory()).isEqualTo(Path.of("plugins").toAbsolutePath());
    assertThat(connectors.getStartTimeout().toSeconds()).isEqualTo(30);
    assertThat(connectors.getHttp().getConnectTimeout().toSeconds()).isEqualTo(5);
    assertThat(connectors.getHttp().getReadTimeout().toSeconds()).isEqualTo(30);
    assertThat(connectors.getHttp().getMaxResponseBody().toMebibytes()).isEqualTo(1);
  }

  @Test
  void everyKeyReadsWithItsUnit() throws Exception {
    ConnectorsConfiguration connectors = parse("""
        connectors:
          pluginsDirectory: /opt/leadbridge/plugins
          startTimeout: 10s
          maxCallDuration: 2 minutes
          drainGrace: 500ms
          shutdownTimeout: 1 minute
          http:
            connectTimeout: 2s
            readTimeout: 20s
            maxResponseBody: 4MiB
        """);

    assertThat(connectors.resolvedPluginsDirectory()).isEqualTo(Path.of("/opt/leadbridge/plugins"));
    assertThat(connectors.getStartTimeout().toMilliseconds()).isEqualTo(10_000);
    assertThat(connectors.getMaxCallDuration().toSeconds()).isEqualTo(120);
    assertThat(connectors.getDrainGrace().toMilliseconds()).isEqualTo(500);
    assertThat(connectors.getShutdownTimeout().toSeconds()).isEqualTo(60);
    assertThat(connectors.getHttp().getMaxResponseBody().toBytes()).isEqualTo(4 * 1024 * 1024);
  }

  @Test
  void limitsOutsideTheirRangeNameTheKey() {
    assertThatThrownBy(() -> parse("connectors:\n  startTimeout: 0s\n"))
        .isInstanceOf(ConfigurationValidationException.class).hasMessageContaining("connectors.startTimeout");
    assertThatThrownBy(() -> parse("connectors:\n  http:\n    maxResponseBody: 1GiB\n"))
        .isInstanceOf(ConfigurationValidationException.class).hasMessageContaining("connectors.http.maxResponseBody");
  }

  @Test
  void theDefaultDirectoryIsBesideTheJarOrElseInTheWorkingDirectory() throws Exception {
    Path dir = TestApps.tempDir();
    Path jar = Files.createFile(dir.resolve("leadbridge-app-0.1.0-all.jar"));

    assertThat(ConnectorsConfiguration.defaultDirectory(jar)).isEqualTo(dir.resolve("plugins"));
    assertThat(ConnectorsConfiguration.defaultDirectory(dir)).isEqualTo(Path.of("plugins"));
    assertThat(ConnectorsConfiguration.defaultDirectory(null)).isEqualTo(Path.of("plugins"));
  }

  private ConnectorsConfiguration parse(String connectorsYaml) throws Exception {
    String yaml = """
        storage:
          database:
            driverClass: org.h2.Driver
            url: jdbc:h2:mem:config
        """ + connectorsYaml;
    return factory.build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "inline.yml").getConnectors();
  }
}

package io.leadbridge.flags;

import static org.assertj.core.api.Assertions.assertThat;

import io.getunleash.DefaultUnleash;
import io.getunleash.Unleash;
import io.getunleash.UnleashContext;
import io.getunleash.util.UnleashConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the real Unleash Java client, fully offline, reads the built bootstrap as intended: every
 * connector is on for any tenant, and a flag the catalog lacks is off. Not shared between threads.
 */
class BootstrapWithUnleashClientTest {

  @TempDir Path dir;
  private Unleash unleash;

  @AfterEach
  void shutDown() {
    if (unleash != null) {
      unleash.shutdown();
    }
  }

  @Test
  void connectorsAreOnForEveryTenant() {
    unleash = new DefaultUnleash(UnleashConfig.builder()
        .appName("leadbridge-flags-test")
        .instanceId("bootstrap-test")
        // Mandatory even offline; polling and metrics are disabled, so it is never contacted.
        .unleashAPI("http://127.0.0.1:1/api/")
        // A backup file wins over the bootstrap, so point it at an empty directory.
        .backupFile(dir.resolve("unleash-backup.json").toString())
        // Not ToggleBootstrapFileProvider("classpath:..."): it fails for a resource inside a jar.
        .toggleBootstrapProvider(BootstrapWithUnleashClientTest::builtBootstrap)
        .disablePolling()
        .disableMetrics()
        .build());

    for (String tenant : new String[] {"tenant-a", "tenant-b", "dealer-42"}) {
      UnleashContext context = UnleashContext.builder().userId(tenant).build();
      for (String pluginId : FlagCatalog.standard().connectorPluginIds()) {
        assertThat(unleash.isEnabled(ConnectorFlags.flagName(pluginId), context))
            .as("%s for %s", pluginId, tenant).isTrue();
      }
      assertThat(unleash.isEnabled("connector.not-in-catalog", context)).isFalse();
    }
  }

  private static Optional<String> builtBootstrap() {
    try (InputStream in = BootstrapWithUnleashClientTest.class.getClassLoader()
        .getResourceAsStream(BootstrapGenerator.RESOURCE)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

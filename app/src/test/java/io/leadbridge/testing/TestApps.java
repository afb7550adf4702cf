package io.leadbridge.testing;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeApplication;
import io.leadbridge.LeadbridgeConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds a {@link DropwizardAppExtension} of the real application on a fresh database. */
public final class TestApps {

  private TestApps() {}

  /** The hub on a new database of the given kind, on ephemeral ports. */
  public static DropwizardAppExtension<LeadbridgeConfiguration> app(Db db, ConfigOverride... extra) {
    return app(LeadbridgeApplication.class, db, extra);
  }

  /** A subclass of the hub (e.g. with a test-only resource) on a new database. */
  public static DropwizardAppExtension<LeadbridgeConfiguration> app(
      Class<? extends LeadbridgeApplication> application, Db db, ConfigOverride... extra) {
    return app(application, "test-app.yml", db, extra);
  }

  /** A hub (or subclass) with another test configuration file from the test resources. */
  public static DropwizardAppExtension<LeadbridgeConfiguration> app(
      Class<? extends LeadbridgeApplication> application, String configResource, Db db, ConfigOverride... extra) {
    return app(application, configResource, TestDatabases.fresh(db), tempDir(), extra);
  }

  /** A hub on a database the test created (and may inspect) itself. */
  public static DropwizardAppExtension<LeadbridgeConfiguration> app(
      Class<? extends LeadbridgeApplication> application,
      String configResource,
      TestDatabases.Target target,
      ConfigOverride... extra) {
    return app(application, configResource, target, tempDir(), extra);
  }

  /**
   * The hub on a new database, loading plugins from {@code pluginsDirectory}. (A key overridden
   * twice would leave its first value behind in the system properties when the app stops.)
   */
  public static DropwizardAppExtension<LeadbridgeConfiguration> appWithPlugins(
      Db db, Path pluginsDirectory, ConfigOverride... extra) {
    return app(LeadbridgeApplication.class, "test-app.yml", TestDatabases.fresh(db), pluginsDirectory, extra);
  }

  /**
   * A hub with the real HubSpot plugin jar in {@code pluginsDirectory}, allowed to call simulators
   * on 127.0.0.1 over http.
   */
  public static DropwizardAppExtension<LeadbridgeConfiguration> appWithHubSpot(
      Db db, Path pluginsDirectory, ConfigOverride... extra) {
    BuiltPlugins.copy(BuiltPlugins.HUBSPOT, pluginsDirectory);
    List<ConfigOverride> overrides = new ArrayList<>(List.of(extra));
    overrides.add(0, ConfigOverride.config("integrations.allowedHosts", "127.0.0.1"));
    return appWithPlugins(db, pluginsDirectory, overrides.toArray(ConfigOverride[]::new));
  }

  /** A hub (or subclass) on a database the test created, loading plugins from {@code pluginsDirectory}. */
  public static DropwizardAppExtension<LeadbridgeConfiguration> app(Class<? extends LeadbridgeApplication> application,
      String configResource, TestDatabases.Target target, Path pluginsDirectory, ConfigOverride... extra) {
    List<ConfigOverride> overrides = new ArrayList<>();
    overrides.add(ConfigOverride.config("storage.database.driverClass", target.driverClass()));
    overrides.add(ConfigOverride.config("storage.database.url", target.url()));
    overrides.add(ConfigOverride.config("storage.database.user", target.user()));
    overrides.add(ConfigOverride.config("storage.database.password", target.password()));
    overrides.add(ConfigOverride.config("storage.dataDirectory", tempDir().toString()));
    // A plugins directory of its own (empty by default): no test depends on the working directory.
    overrides.add(ConfigOverride.config("connectors.pluginsDirectory", pluginsDirectory.toString()));
    // Admitted as an operator would: the jars the test builds or copies in are listed beside it.
    overrides.add(ConfigOverride.config("connectors.trust.allowlistFile", TestTrust.allowlistOf(pluginsDirectory).toString()));
    overrides.addAll(List.of(extra));
    return new DropwizardAppExtension<>(
        application, ResourceHelpers.resourceFilePath(configResource), overrides.toArray(ConfigOverride[]::new));
  }

  /** A new temporary directory, e.g. for log files a test reads back. */
  public static Path tempDir() {
    try {
      return Files.createTempDirectory("leadbridge-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.leadbridge.integrations;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestApps;
import java.nio.file.Path;

class ThirdPartyIntegrationsH2Test extends ThirdPartyIntegrationsContract {
  static final Path PLUGINS = TestApps.tempDir();
  static final DropwizardAppExtension<LeadbridgeConfiguration> APP = TestApps.appWithHubSpot(Db.H2, PLUGINS);

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> app() {
    return APP;
  }

  @Override
  protected Path plugins() {
    return PLUGINS;
  }
}

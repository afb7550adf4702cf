package io.leadbridge.leads;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestApps;

class LeadsPostgresTest extends LeadsContract {
  static final DropwizardAppExtension<LeadbridgeConfiguration> APP = TestApps.appWithHubSpot(Db.POSTGRES, TestApps.tempDir(),
      // An intake-only node: these tests read deliveries as intake left them.
      ConfigOverride.config("delivery.workersEnabled", "false"));

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> app() {
    return APP;
  }
}

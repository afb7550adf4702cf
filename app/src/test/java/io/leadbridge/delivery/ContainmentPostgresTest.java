package io.leadbridge.delivery;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestApps;

class ContainmentPostgresTest extends ContainmentContract {
  static final DropwizardAppExtension<LeadbridgeConfiguration> APP =
      TestApps.appWithHubSpot(Db.POSTGRES, TestApps.tempDir(), DELIVERY);

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> app() {
    return APP;
  }
}

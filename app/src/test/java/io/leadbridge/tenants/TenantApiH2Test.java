package io.leadbridge.tenants;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestApps;

class TenantApiH2Test extends TenantApiContract {
  static final DropwizardAppExtension<LeadbridgeConfiguration> APP = TestApps.app(Db.H2);

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> app() {
    return APP;
  }
}

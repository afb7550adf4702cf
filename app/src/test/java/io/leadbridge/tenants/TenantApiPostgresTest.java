package io.leadbridge.tenants;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestApps;

class TenantApiPostgresTest extends TenantApiContract {
  static final DropwizardAppExtension<LeadbridgeConfiguration> APP = TestApps.app(Db.POSTGRES);

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> app() {
    return APP;
  }
}

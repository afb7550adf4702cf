package io.leadbridge.credentials;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestApps;

class CredentialsAppH2Test extends CredentialsAppContract {
  static final DropwizardAppExtension<LeadbridgeConfiguration> APP = TestApps.app(Db.H2);

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> app() {
    return APP;
  }
}

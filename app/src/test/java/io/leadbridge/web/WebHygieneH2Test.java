package io.leadbridge.web;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestApps;

class WebHygieneH2Test extends WebHygieneContract {
  static final DropwizardAppExtension<LeadbridgeConfiguration> APP = TestApps.app(Db.H2);

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> app() {
    return APP;
  }
}

package io.leadbridge.integrations;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeApplication;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestApps;
import io.leadbridge.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;

class InternalIntegrationsPostgresTest extends InternalIntegrationsContract {
  static final TestDatabases.Target DATABASE = TestDatabases.fresh(Db.POSTGRES);
  static final DropwizardAppExtension<LeadbridgeConfiguration> APP = TestApps.app(LeadbridgeApplication.class,
      "test-app.yml", DATABASE, ConfigOverride.config("integrations.allowedHosts", "127.0.0.1"));

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> app() {
    return APP;
  }

  @Override
  protected Jdbi database() {
    return Jdbi.create(DATABASE.url(), DATABASE.user(), DATABASE.password());
  }
}

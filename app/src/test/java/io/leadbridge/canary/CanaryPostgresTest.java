package io.leadbridge.canary;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestApps;
import io.leadbridge.testing.TestDatabases;
import java.nio.file.Path;

class CanaryPostgresTest extends CanaryContract {
  static final TestDatabases.Target DATABASE = TestDatabases.fresh(Db.POSTGRES);
  static final Path LOGS = TestApps.tempDir();
  static final DropwizardAppExtension<LeadbridgeConfiguration> APP = debugApp(DATABASE, LOGS);

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> app() {
    return APP;
  }

  @Override
  protected TestDatabases.Target database() {
    return DATABASE;
  }

  @Override
  protected Path logs() {
    return LOGS;
  }
}

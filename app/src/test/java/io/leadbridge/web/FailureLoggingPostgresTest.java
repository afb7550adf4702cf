package io.leadbridge.web;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestApps;
import java.nio.file.Path;

class FailureLoggingPostgresTest extends FailureLoggingContract {
  static final Path LOGS = TestApps.tempDir();
  static final DropwizardAppExtension<LeadbridgeConfiguration> APP = failingApp(Db.POSTGRES, LOGS);

  @Override
  protected DropwizardAppExtension<LeadbridgeConfiguration> app() {
    return APP;
  }

  @Override
  protected Path logs() {
    return LOGS;
  }
}

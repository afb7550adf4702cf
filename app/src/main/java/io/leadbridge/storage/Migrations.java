package io.leadbridge.storage;

import io.dropwizard.db.DataSourceFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import java.util.List;

/**
 * Runs the Flyway migrations of the {@code migrations} module against the configured database;
 * thread-safe (stateless, each call configures its own Flyway).
 */
public final class Migrations {

  static final String COMMON_LOCATION = "classpath:db/migration/common";

  private Migrations() {}

  /** Applies every pending migration and returns how many ran. */
  public static int migrate(DataSourceFactory database) {
    MigrateResult result = flyway(database).migrate();
    return result.migrationsExecuted;
  }

  /** Every known migration with its state, oldest first. */
  public static List<MigrationInfo> info(DataSourceFactory database) {
    return List.of(flyway(database).info().all());
  }

  private static Flyway flyway(DataSourceFactory database) {
    DatabaseVendor vendor = DatabaseVendor.fromJdbcUrl(database.getUrl());
    return Flyway.configure()
        .dataSource(database.getUrl(), database.getUser(), database.getPassword())
        .locations(COMMON_LOCATION, vendor.migrationLocation())
        .failOnMissingLocations(true)
        .load();
  }
}

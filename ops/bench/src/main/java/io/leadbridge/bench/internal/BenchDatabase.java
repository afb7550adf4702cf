package io.leadbridge.bench.internal;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.leadbridge.storage.DatabaseVendor;
import io.leadbridge.storage.Databases;
import io.leadbridge.storage.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.eclipse.jetty.util.component.LifeCycle;
import org.jdbi.v3.core.Jdbi;

/**
 * A fresh, migrated H2 in-memory database (or the benchmark's PostgreSQL database) behind the same pooled, instrumented Jdbi the server
 * builds ({@link Databases#forServer}), so a benchmark pays what a request pays. Thread-safe.
 */
public final class BenchDatabase implements AutoCloseable {

  private final DataSourceFactory database;
  private final Environment environment;
  private final Jdbi jdbi;

  private BenchDatabase(DataSourceFactory database, Environment environment, Jdbi jdbi) {
    this.database = database;
    this.environment = environment;
    this.jdbi = jdbi;
  }

  /** A new empty in-memory database with every migration applied. */
  public static BenchDatabase freshH2() {
    DataSourceFactory database = new DataSourceFactory();
    database.setDriverClass("org.h2.Driver");
    database.setUrl(
        "jdbc:h2:mem:bench_" + UUID.randomUUID().toString().replace("-", "")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    database.setUser("sa");
    database.setPassword("");
    Migrations.migrate(database);
    Environment environment = new Environment("bench");
    return new BenchDatabase(database, environment, Databases.forServer(environment, database));
  }

  /**
   * The PostgreSQL database at {@code url} (user postgres, trust auth), migrated; the caller made it
   * empty (ops/bench scripts drop and create it).
   */
  public static BenchDatabase postgres(String url) {
    DataSourceFactory database = new DataSourceFactory();
    database.setDriverClass("org.postgresql.Driver");
    database.setUrl(url);
    database.setUser("postgres");
    database.setPassword("");
    Migrations.migrate(database);
    Environment environment = new Environment("bench");
    return new BenchDatabase(database, environment, Databases.forServer(environment, database));
  }

  /** Which database this is. */
  public DatabaseVendor vendor() {
    return DatabaseVendor.fromJdbcUrl(database.getUrl());
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /**
   * Empties the audit trail between measurements: every open appends a row, and a table that grows
   * by millions of rows in the heap would measure the garbage collector rather than the vault.
   */
  public void clearAuditTrail() {
    jdbi.useHandle(handle -> handle.execute("TRUNCATE TABLE audit_events"));
  }

  /** Stops the connection pool and drops the in-memory database. */
  @Override
  public void close() {
    for (LifeCycle managed : environment.lifecycle().getManagedObjects()) {
      try {
        managed.stop();
      } catch (Exception e) {
        throw new IllegalStateException("could not stop " + managed, e);
      }
    }
    if (vendor() != DatabaseVendor.H2) {
      return;
    }
    try (Connection connection = DriverManager.getConnection(database.getUrl(), database.getUser(), database.getPassword());
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop the benchmark database", e);
    }
  }
}

package io.leadbridge.testing;

import io.dropwizard.db.DataSourceFactory;
import io.leadbridge.storage.Databases;
import io.leadbridge.storage.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;

/**
 * Hands each test class a fresh, empty database; thread-safe.
 *
 * <p>PostgreSQL is required, never skipped: the server named by {@code LEADBRIDGE_TEST_PG_URL}
 * (e.g. {@code jdbc:postgresql://127.0.0.1:5432/}, user from {@code LEADBRIDGE_TEST_PG_USER},
 * default {@code postgres}) when set — {@code .ci/run} sets it — and otherwise an embedded
 * PostgreSQL started once per JVM from the zonky binaries on Maven Central.
 */
public final class TestDatabases {

  private static final String PG_URL_ENV = "LEADBRIDGE_TEST_PG_URL";
  private static final List<Target> CREATED = new CopyOnWriteArrayList<>();
  private static EmbeddedPostgres embedded;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropAll, "drop-test-databases"));
  }

  private TestDatabases() {}

  /** JDBC settings of a database created for one test class. */
  public record Target(Db db, String driverClass, String url, String user, String password) {

    /** These settings as Dropwizard's JDBC configuration. */
    public DataSourceFactory dataSourceFactory() {
      DataSourceFactory factory = new DataSourceFactory();
      factory.setDriverClass(driverClass);
      factory.setUrl(url);
      factory.setUser(user);
      factory.setPassword(password);
      return factory;
    }
  }

  /** A new empty database of the given kind. */
  public static Target fresh(Db db) {
    String name = "lbt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    if (db == Db.H2) {
      return new Target(
          db,
          "org.h2.Driver",
          "jdbc:h2:mem:" + name
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
          "sa",
          "");
    }
    String server = postgresServerUrl();
    String user = pgUser();
    execute(server + "postgres", user, "CREATE DATABASE " + name);
    Target target = new Target(db, "org.postgresql.Driver", server + name, user, "");
    CREATED.add(target);
    return target;
  }

  /** A fresh database of the given kind with every migration applied, and a Jdbi on it. */
  public static Jdbi migrated(Db db) {
    DataSourceFactory database = fresh(db).dataSourceFactory();
    Migrations.migrate(database);
    return Databases.forCommand(database);
  }

  /** Drops every PostgreSQL database this JVM created; H2 in-memory ones vanish by themselves. */
  private static void dropAll() {
    for (Target target : CREATED) {
      String name = target.url().substring(target.url().lastIndexOf('/') + 1);
      try {
        execute(postgresServerUrl() + "postgres", target.user(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      } catch (IllegalStateException e) {
        // The server may already be gone at JVM exit; a leftover test database is harmless.
      }
    }
  }

  private static synchronized String postgresServerUrl() {
    String configured = System.getenv(PG_URL_ENV);
    if (configured != null && !configured.isBlank()) {
      return configured.endsWith("/") ? configured : configured + "/";
    }
    if (embedded == null) {
      try {
        embedded = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "PostgreSQL is required: set " + PG_URL_ENV + " or let the embedded one start", e);
      }
    }
    return "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/";
  }

  private static String pgUser() {
    String user = System.getenv("LEADBRIDGE_TEST_PG_USER");
    return user == null || user.isBlank() ? "postgres" : user;
  }

  private static void execute(String url, String user, String sql) {
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test database setup failed: " + sql, e);
    }
  }
}

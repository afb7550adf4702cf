package io.leadbridge.storage;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.StatementExceptions.MessageRendering;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Builds the hub's Jdbi, with the same safety settings for the server and for commands. */
public final class Databases {

  private Databases() {}

  /** The server's Jdbi: a managed pool, metrics and a {@code database} health check. */
  public static Jdbi forServer(Environment environment, DataSourceFactory database) {
    withoutValueDetails(database);
    return hardened(new JdbiFactory().build(environment, database, "database"));
  }

  /** A Jdbi for a one-shot command, without a pool or an environment. */
  public static Jdbi forCommand(DataSourceFactory database) {
    withoutValueDetails(database);
    Properties properties = new Properties();
    properties.putAll(database.getProperties());
    properties.setProperty("user", database.getUser());
    properties.setProperty("password", database.getPassword() == null ? "" : database.getPassword());
    Jdbi jdbi = Jdbi.create(database.getUrl(), properties);
    jdbi.installPlugin(new SqlObjectPlugin());
    return hardened(jdbi);
  }

  /**
   * PostgreSQL quotes offending values in its error detail ("Key (slug)=(...) already exists");
   * the driver leaves the detail out of exception messages when told to.
   */
  private static void withoutValueDetails(DataSourceFactory database) {
    if (DatabaseVendor.fromJdbcUrl(database.getUrl()) == DatabaseVendor.POSTGRESQL) {
      Map<String, String> properties = new LinkedHashMap<>(database.getProperties());
      properties.putIfAbsent("logServerErrorDetail", "false");
      database.setProperties(properties);
    }
  }

  /** Statement exception messages never render bound values: they could be personal data. */
  private static Jdbi hardened(Jdbi jdbi) {
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(MessageRendering.NONE);
    return jdbi;
  }
}

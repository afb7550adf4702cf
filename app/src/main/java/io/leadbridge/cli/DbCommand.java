package io.leadbridge.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.storage.Migrations;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.flywaydb.core.api.MigrationInfo;

/** {@code db migrate|info <config>}: applies or lists the Flyway migrations; stateless. */
public final class DbCommand extends ConfiguredCommand<LeadbridgeConfiguration> {

  private static final String ACTION = "db-action";

  public DbCommand() {
    super("db", "Database migrations: migrate applies pending ones, info lists them all");
  }

  @Override
  public void configure(Subparser subparser) {
    Subparser migrate =
        subparser.addSubparsers().addParser("migrate").setDefault(ACTION, "migrate")
            .description("Apply every pending migration");
    addFileArgument(migrate);
    Subparser info =
        subparser.addSubparsers().addParser("info").setDefault(ACTION, "info")
            .description("List every migration and its state");
    addFileArgument(info);
  }

  @Override
  protected void run(
      Bootstrap<LeadbridgeConfiguration> bootstrap, Namespace namespace, LeadbridgeConfiguration config) {
    if ("migrate".equals(namespace.getString(ACTION))) {
      int applied = Migrations.migrate(config.database());
      TerminalOutput.println("migrations applied: " + applied);
      return;
    }
    for (MigrationInfo m : Migrations.info(config.database())) {
      TerminalOutput.println(
          String.format("%-6s %-40s %s", m.getVersion(), m.getDescription(), m.getState().getDisplayName()));
    }
  }
}

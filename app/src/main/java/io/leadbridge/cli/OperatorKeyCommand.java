package io.leadbridge.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.leadbridge.LeadbridgeConfiguration;
import io.leadbridge.storage.Databases;
import io.leadbridge.storage.Migrations;
import io.leadbridge.tenants.IssuedApiKey;
import io.leadbridge.tenants.TenantsModule;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code operator-key create [--label L] [--expires-in-days N] [--if-none] <config>}: mints an operator key and prints
 * it once; the only way to get the first key of a new hub. Stateless.
 */
public final class OperatorKeyCommand extends ConfiguredCommand<LeadbridgeConfiguration> {

  public OperatorKeyCommand() {
    super("operator-key", "Operator keys: create mints one and prints it once");
  }

  @Override
  public void configure(Subparser subparser) {
    Subparser create =
        subparser.addSubparsers().addParser("create").description("Mint an operator key");
    create.addArgument("--label").setDefault("operator").help("what the key is for");
    create
        .addArgument("--expires-in-days")
        .dest("expiresInDays")
        .type(Integer.class)
        .choices(Arguments.range(1, 3650))
        .help("the key stops working after this many days (default: never)");
    create
        .addArgument("--if-none")
        .dest("ifNone")
        .action(Arguments.storeTrue())
        .help("only mint one when no operator key exists yet (first start)");
    addFileArgument(create);
  }

  @Override
  protected void run(
      Bootstrap<LeadbridgeConfiguration> bootstrap, Namespace namespace, LeadbridgeConfiguration config) {
    Migrations.migrate(config.database());
    TenantsModule tenants =
        new TenantsModule(Databases.forCommand(config.database()), Clock.systemUTC(), List.of());
    if (namespace.getBoolean("ifNone") && tenants.apiKeys().hasOperatorKey()) {
      TerminalOutput.println("An operator key already exists; none was created.");
      return;
    }
    Optional<Duration> lifetime = Optional.ofNullable(namespace.getInt("expiresInDays")).map(Duration::ofDays);
    IssuedApiKey issued = tenants.apiKeys().issueOperatorKey(namespace.getString("label"), lifetime);
    TerminalOutput.println("Operator key (shown once, store it now):");
    TerminalOutput.println("  " + issued.key());
  }
}

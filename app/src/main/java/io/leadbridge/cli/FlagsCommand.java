package io.leadbridge.cli;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import io.leadbridge.flags.FlagCatalog;
import io.leadbridge.flags.FlagSyncRequest;
import io.leadbridge.flags.FlagSyncRunner;
import io.leadbridge.flags.SyncOutcome;
import java.net.URI;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code flags sync --url <unleash> [--dry-run] [--prune]}: applies the flag definitions of
 * {@code flags/} to an Unleash server through its Admin API; idempotent. The admin token comes from
 * the environment ({@value #TOKEN_ENV}), never from the command line, where {@code ps} would show
 * it. Stateless.
 */
public final class FlagsCommand extends Command {

  static final String TOKEN_ENV = "LEADBRIDGE_UNLEASH_ADMIN_TOKEN";

  public FlagsCommand() {
    super("flags", "Feature flags: sync applies the flag definitions to an Unleash server");
  }

  @Override
  public void configure(Subparser subparser) {
    Subparser sync = subparser.addSubparsers().addParser("sync")
        .description("Create or update every defined flag on the server (admin token in " + TOKEN_ENV + ")");
    sync.addArgument("--url").required(true).help("the Unleash server, e.g. http://127.0.0.1:4242");
    sync.addArgument("--project").setDefault(FlagSyncRequest.DEFAULT_PROJECT).help("the Unleash project");
    sync.addArgument("--environment").setDefault(FlagSyncRequest.DEFAULT_ENVIRONMENT).help("the Unleash environment");
    sync.addArgument("--dry-run").dest("dryRun").action(Arguments.storeTrue()).help("only print the differences");
    sync.addArgument("--prune").action(Arguments.storeTrue())
        .help("also archive flags that exist only on the server (never done without it)");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) {
    String token = System.getenv(TOKEN_ENV);
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("set " + TOKEN_ENV + " to an Unleash admin API token");
    }
    FlagSyncRequest request = new FlagSyncRequest(URI.create(namespace.getString("url")), token,
        namespace.getString("project"), namespace.getString("environment"),
        namespace.getBoolean("dryRun"), namespace.getBoolean("prune"));
    SyncOutcome outcome = new FlagSyncRunner(FlagCatalog.standard()).run(request, TerminalOutput.writer());
    if (outcome == SyncOutcome.FAILED) {
      throw new IllegalStateException("flag sync failed (see above)");
    }
  }
}

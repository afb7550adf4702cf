package io.leadbridge.cli;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import io.leadbridge.connectors.ConnectorsConfiguration;
import io.leadbridge.connectors.PluginDirectory;
import io.leadbridge.connectors.TrustConfiguration;
import io.leadbridge.flags.ConnectorPlugin;
import io.leadbridge.flags.FlagCatalog;
import io.leadbridge.flags.FlagSyncRequest;
import io.leadbridge.flags.FlagSyncRunner;
import io.leadbridge.flags.SyncOutcome;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code flags sync --url <unleash> [--plugins <dir>] [--dry-run] [--prune]}: applies the flag
 * definitions of {@code flags/}, plus a {@code connector.<id>} flag for every plugin the hub would
 * admit from the plugins directory, to an Unleash server through its Admin API; idempotent. The
 * admin token comes from the environment ({@value #TOKEN_ENV}), never from the command line, where
 * {@code ps} would show it. Stateless.
 */
public final class FlagsCommand extends Command {

  static final String TOKEN_ENV = "LEADBRIDGE_UNLEASH_ADMIN_TOKEN";
  /** The embedded default's allowlist, which ops/run writes. */
  static final String DEFAULT_ALLOWLIST = "data/trusted-plugins.sha256";

  public FlagsCommand() {
    super("flags", "Feature flags: sync applies the flag definitions to an Unleash server");
  }

  @Override
  public void configure(Subparser subparser) {
    Subparser sync = subparser.addSubparsers().addParser("sync")
        .description("Create or update every defined flag, and one per plugin in the plugins directory, on the"
            + " server (admin token in " + TOKEN_ENV + ")");
    sync.addArgument("--url").required(true).help("the Unleash server, e.g. http://127.0.0.1:4242");
    sync.addArgument("--plugins").metavar("DIR")
        .help("the hub's plugins directory (connectors.pluginsDirectory); default: "
            + defaultPluginsDirectory());
    sync.addArgument("--allowlist").metavar("FILE").setDefault(DEFAULT_ALLOWLIST)
        .help("the plugin allowlist the hub trusts jars by (connectors.trust.allowlistFile); default: " + DEFAULT_ALLOWLIST);
    sync.addArgument("--trust-store").dest("trustStore").metavar("FILE")
        .help("the publisher certificates the hub trusts signed jars by (connectors.trust.trustStore)");
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
    PrintWriter out = TerminalOutput.writer();
    FlagCatalog catalog = FlagCatalog.standard().withPlugins(plugins(namespace.getString("plugins"), trust(namespace), out));
    FlagSyncRequest request = new FlagSyncRequest(URI.create(namespace.getString("url")), token,
        namespace.getString("project"), namespace.getString("environment"),
        namespace.getBoolean("dryRun"), namespace.getBoolean("prune"));
    SyncOutcome outcome = new FlagSyncRunner(catalog).run(request, out);
    if (outcome == SyncOutcome.FAILED) {
      throw new IllegalStateException("flag sync failed (see above)");
    }
  }

  /**
   * The plugins the hub would admit from the directory, said on {@code out}. A missing default
   * directory means no plugins; a missing directory the operator named is a mistake worth stopping for.
   */
  private static TrustConfiguration trust(Namespace namespace) {
    TrustConfiguration trust = new TrustConfiguration();
    trust.setAllowlistFile(Path.of(namespace.getString("allowlist")));
    Optional.ofNullable(namespace.getString("trustStore")).map(Path::of).ifPresent(trust::setTrustStore);
    return trust;
  }

  private static List<ConnectorPlugin> plugins(String named, TrustConfiguration trust, PrintWriter out) {
    Path directory = named == null ? defaultPluginsDirectory() : Path.of(named).toAbsolutePath().normalize();
    if (!Files.isDirectory(directory)) {
      if (named != null) {
        throw new IllegalArgumentException("--plugins " + directory + " is not a directory");
      }
      out.println("No plugins directory at " + directory + ": only the flags defined in flags/.");
      return List.of();
    }
    PluginDirectory.Scan scan = PluginDirectory.scan(directory, trust);
    out.println("Plugins in " + directory + ": " + scan.admitted().size() + " admitted"
        + (scan.refused().isEmpty() ? "" : ", " + scan.refused().size() + " refused"));
    scan.admitted().forEach(jar -> out.println("  " + jar.id() + " " + jar.version() + " (" + jar.file() + ")"));
    scan.refused().forEach(jar -> out.println("  refused " + jar.file() + ": " + jar.cause()));
    return scan.admitted().stream().map(jar -> new ConnectorPlugin(jar.id(), jar.description())).toList();
  }

  /** Where a hub whose configuration does not set {@code connectors.pluginsDirectory} looks. */
  private static Path defaultPluginsDirectory() {
    return new ConnectorsConfiguration().resolvedPluginsDirectory();
  }
}

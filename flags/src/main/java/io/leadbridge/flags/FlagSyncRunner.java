package io.leadbridge.flags;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.function.Function;

/**
 * The command-line-agnostic body of {@code flags sync}: plan, show the diff, apply unless it is a dry
 * run, and report to the given writer. Thread-safe: it keeps no state between runs, but do not run
 * two syncs against one server at once (see {@link FlagSync}).
 */
public final class FlagSyncRunner {

  private final FlagCatalog catalog;
  private final Function<FlagSyncRequest, UnleashAdminApi> clients;

  /** A runner for the catalog that talks HTTP to the server named in each request. */
  public FlagSyncRunner(FlagCatalog catalog) {
    this(catalog, request -> new HttpUnleashAdminClient(request.serverUrl(), request.adminToken()));
  }

  /** A runner with its own way to reach a server, for tests. */
  FlagSyncRunner(FlagCatalog catalog, Function<FlagSyncRequest, UnleashAdminApi> clients) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.clients = Objects.requireNonNull(clients, "clients");
  }

  /**
   * Runs one sync and writes what it found and did to {@code out}. Failures of the flags module are
   * reported there too (with their reason, never the token) and end as {@link SyncOutcome#FAILED}.
   */
  public SyncOutcome run(FlagSyncRequest request, PrintWriter out) {
    out.printf("Flag sync against %s%s%n", request.serverUrl(), request.dryRun() ? " (dry run)" : "");
    try {
      FlagSync sync = new FlagSync(catalog, clients.apply(request), request.project(), request.environment());
      SyncPlan plan = sync.plan();
      PlanRenderer.render(plan, request.prune(), out);
      if (!plan.hasChanges(request.prune())) {
        return SyncOutcome.UP_TO_DATE;
      }
      if (request.dryRun()) {
        out.println("Dry run: nothing was changed.");
        return SyncOutcome.CHANGES_PLANNED;
      }
      SyncResult result = sync.apply(plan, request.prune());
      out.println("Applied: " + result.summary() + ".");
      return SyncOutcome.CHANGES_APPLIED;
    } catch (FlagsException e) {
      out.println("Flag sync failed: " + e.getMessage());
      return SyncOutcome.FAILED;
    } finally {
      out.flush();
    }
  }
}

package io.leadbridge.flags;

import java.io.PrintWriter;

/**
 * Renders a {@link SyncPlan} as a readable diff for a dry run and before an apply: {@code +} create,
 * {@code ^} revive, {@code ~} update, {@code *} set up, {@code -} archive, {@code =} kept.
 * Stateless and thread-safe.
 */
public final class PlanRenderer {

  private PlanRenderer() {}

  /** Writes the plan; {@code prune} decides whether server-only flags show as archived or kept. */
  public static void render(SyncPlan plan, boolean prune, PrintWriter out) {
    out.printf("Unleash project '%s', environment '%s':%n", plan.project(), plan.environment());
    if (!plan.hasChanges(prune) && plan.serverOnly().isEmpty()) {
      out.println("  no changes: the server matches the catalog");
      return;
    }
    plan.toCreate().forEach(flag -> line(out, '+', flag.name(), "create: " + flag.type().unleashName()
        + ", " + start(flag)));
    plan.toRevive().forEach(flag -> line(out, '^', flag.name(), "revive from the archive"));
    plan.toUpdate().forEach(change -> renderUpdate(change, out));
    plan.toSetUp().forEach(flag -> line(out, '*', flag.name(), "no strategy here yet: " + start(flag)));
    String serverOnly = prune ? "only on the server: archive" : "only on the server: kept (prune archives it)";
    plan.serverOnly().forEach(name -> line(out, prune ? '-' : '=', name, serverOnly));
    out.printf("  %d to create, %d to revive, %d to update, %d to set up, %d only on the server (%s)%n",
        plan.toCreate().size(), plan.toRevive().size(), plan.toUpdate().size(), plan.toSetUp().size(),
        plan.serverOnly().size(), prune ? "archive" : "keep");
  }

  private static void renderUpdate(MetadataChange change, PrintWriter out) {
    String name = change.definition().name();
    if (change.typeChanges()) {
      line(out, '~', name, "type: " + change.server().type() + " -> "
          + change.definition().type().unleashName());
    }
    if (change.descriptionChanges()) {
      line(out, '~', name, "description:");
      out.printf("        - \"%s\"%n", change.server().description());
      out.printf("        + \"%s\"%n", change.definition().serverDescription());
    }
  }

  private static String start(FlagDefinition flag) {
    return flag.initialServerRollout() + ", environment " + (flag.defaultOn() ? "on" : "off");
  }

  private static void line(PrintWriter out, char marker, String name, String text) {
    out.printf("  %c %-32s %s%n", marker, name, text);
  }
}

package io.leadbridge.flags;

import java.util.List;

/**
 * The difference between the catalog and one project/environment on an Unleash server, computed by
 * {@link FlagSync#plan()}; applying it makes the server match. Immutable and thread-safe.
 *
 * @param project Unleash project the plan is for
 * @param environment Unleash environment the plan is for
 * @param toCreate flags missing on the server
 * @param toRevive flags the server has in its archive; names stay taken there, so they are revived
 * @param toUpdate flags whose description or type differ (revived flags included)
 * @param toSetUp flags without any strategy in the environment: they get the safe initial strategy,
 *     because Unleash gives a flag switched on without strategies a 100% rollout
 * @param serverOnly live flags the catalog does not define; archived only when pruning
 */
public record SyncPlan(
    String project,
    String environment,
    List<FlagDefinition> toCreate,
    List<FlagDefinition> toRevive,
    List<MetadataChange> toUpdate,
    List<FlagDefinition> toSetUp,
    List<String> serverOnly) {

  public SyncPlan {
    toCreate = List.copyOf(toCreate);
    toRevive = List.copyOf(toRevive);
    toUpdate = List.copyOf(toUpdate);
    toSetUp = List.copyOf(toSetUp);
    serverOnly = List.copyOf(serverOnly);
  }

  /** Whether applying the plan (with or without pruning) would change the server. */
  public boolean hasChanges(boolean prune) {
    return !toCreate.isEmpty() || !toRevive.isEmpty() || !toUpdate.isEmpty() || !toSetUp.isEmpty()
        || (prune && !serverOnly.isEmpty());
  }

  /** Whether server and catalog agree completely, server-only flags included. */
  public boolean isEmpty() {
    return !hasChanges(true);
  }
}

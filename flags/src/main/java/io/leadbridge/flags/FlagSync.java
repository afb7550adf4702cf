package io.leadbridge.flags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes one Unleash project/environment match the catalog: {@link #plan()} computes the difference,
 * {@link #apply} carries it out. Idempotent: applying a fresh plan a second time changes nothing.
 *
 * <p>It owns a flag's existence, type and description. It never touches a strategy or an on/off
 * switch of a flag that already has a strategy in the environment: those belong to the people who
 * run the rollout. It archives a flag the catalog does not define only when asked to prune.
 *
 * <p>Thread-safe as far as its {@link UnleashAdminApi} is (it keeps no mutable state), but two syncs
 * against the same server at once race each other; run one at a time.
 */
public final class FlagSync {

  private final FlagCatalog catalog;
  private final UnleashAdminApi api;
  private final String project;
  private final String environment;

  public FlagSync(FlagCatalog catalog, UnleashAdminApi api, String project, String environment) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.api = Objects.requireNonNull(api, "api");
    this.project = requireName("project", project);
    this.environment = requireName("environment", environment);
  }

  /** Reads the server and returns what applying would change; changes nothing itself. */
  public SyncPlan plan() {
    api.verifyTarget(project, environment);
    Map<String, ServerFlag> live = byName(api.liveFlags(project, environment));
    Map<String, ServerFlag> archived = byName(api.archivedFlags(project, environment));
    List<FlagDefinition> toCreate = new ArrayList<>();
    List<FlagDefinition> toRevive = new ArrayList<>();
    List<MetadataChange> toUpdate = new ArrayList<>();
    List<FlagDefinition> toSetUp = new ArrayList<>();
    for (FlagDefinition flag : catalog.flags()) {
      ServerFlag server = live.containsKey(flag.name()) ? live.get(flag.name()) : archived.get(flag.name());
      if (server == null) {
        toCreate.add(flag);
        continue;
      }
      if (!live.containsKey(flag.name())) {
        toRevive.add(flag);
      }
      MetadataChange change = new MetadataChange(flag, server);
      if (change.typeChanges() || change.descriptionChanges()) {
        toUpdate.add(change);
      }
      if (!server.hasStrategies()) {
        toSetUp.add(flag);
      }
    }
    Set<String> defined = catalog.flags().stream().map(FlagDefinition::name).collect(Collectors.toSet());
    List<String> serverOnly = live.keySet().stream().filter(name -> !defined.contains(name)).sorted().toList();
    return new SyncPlan(project, environment, toCreate, toRevive, toUpdate, toSetUp, serverOnly);
  }

  /**
   * Carries out the plan; archives the server-only flags only if {@code prune}. Apply a fresh plan:
   * a stale one may try to create a flag that exists by now, which the server refuses.
   */
  public SyncResult apply(SyncPlan plan, boolean prune) {
    requireSameTarget(plan);
    List<String> revived = new ArrayList<>();
    for (FlagDefinition flag : plan.toRevive()) {
      api.reviveFlag(flag.name());
      revived.add(flag.name());
    }
    List<String> updated = new ArrayList<>();
    for (MetadataChange change : plan.toUpdate()) {
      FlagDefinition flag = change.definition();
      api.updateFlag(project, flag.name(), flag.type(), flag.serverDescription());
      updated.add(flag.name());
    }
    List<String> setUp = new ArrayList<>();
    for (FlagDefinition flag : plan.toSetUp()) {
      setUpEnvironment(flag);
      setUp.add(flag.name());
    }
    List<String> created = new ArrayList<>();
    for (FlagDefinition flag : plan.toCreate()) {
      api.createFlag(project, flag.name(), flag.type(), flag.serverDescription());
      setUpEnvironment(flag);
      created.add(flag.name());
    }
    List<String> archived = new ArrayList<>();
    if (prune) {
      for (String name : plan.serverOnly()) {
        api.archiveFlag(project, name);
        archived.add(name);
      }
    }
    return new SyncResult(created, revived, updated, setUp, archived);
  }

  /**
   * Strategy first, switch second: Unleash gives a flag that is switched on without any strategy a
   * 100% rollout, so the other order would open the flag for every tenant for a moment, or for good
   * if the second call failed.
   */
  private void setUpEnvironment(FlagDefinition flag) {
    api.addStrategy(project, flag.name(), environment, flag.initialServerRollout());
    if (flag.defaultOn()) {
      api.setEnabled(project, flag.name(), environment, true);
    }
  }

  private void requireSameTarget(SyncPlan plan) {
    if (!plan.project().equals(project) || !plan.environment().equals(environment)) {
      throw new FlagsException("plan is for " + plan.project() + "/" + plan.environment()
          + " but this sync targets " + project + "/" + environment);
    }
  }

  private static Map<String, ServerFlag> byName(List<ServerFlag> flags) {
    return flags.stream().collect(Collectors.toMap(ServerFlag::name, Function.identity(), (a, b) -> a));
  }

  private static String requireName(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new FlagsException("an Unleash " + what + " is required");
    }
    return value;
  }
}

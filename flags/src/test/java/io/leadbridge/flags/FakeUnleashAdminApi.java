package io.leadbridge.flags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory stand-in for one Unleash project and environment that behaves like unleash-server
 * 8.2.0 where the sync depends on it, and records every call. Not thread-safe: one test at a time.
 */
final class FakeUnleashAdminApi implements UnleashAdminApi {

  /** One flag as the fake server holds it. Mutable, not thread-safe. */
  static final class Flag {
    String type;
    String description;
    boolean archived;
    boolean enabled;
    final List<TenantRollout> strategies = new ArrayList<>();

    Flag(String type, String description) {
      this.type = type;
      this.description = description;
    }
  }

  final String project;
  final String environment;
  final Map<String, Flag> flags = new LinkedHashMap<>();
  final List<String> calls = new ArrayList<>();

  FakeUnleashAdminApi(String project, String environment) {
    this.project = project;
    this.environment = environment;
  }

  Flag put(String name, String type, String description) {
    Flag flag = new Flag(type, description);
    flags.put(name, flag);
    return flag;
  }

  @Override
  public void verifyTarget(String project, String environment) {
    if (!this.project.equals(project)) {
      throw new UnleashApiException("project '" + project + "' does not exist", 404);
    }
    if (!this.environment.equals(environment)) {
      throw new UnleashApiException("environment '" + environment + "' does not exist", 0);
    }
  }

  @Override
  public List<ServerFlag> liveFlags(String project, String environment) {
    return serverFlags(false);
  }

  @Override
  public List<ServerFlag> archivedFlags(String project, String environment) {
    return serverFlags(true);
  }

  @Override
  public void createFlag(String project, String name, FlagType type, String description) {
    calls.add("create " + name);
    if (flags.containsKey(name)) {
      throw new UnleashApiException("A flag with that name already exists", 409);
    }
    put(name, type.unleashName(), description);
  }

  @Override
  public void updateFlag(String project, String name, FlagType type, String description) {
    calls.add("update " + name);
    Flag flag = live(name);
    flag.type = type.unleashName();
    flag.description = description;
  }

  @Override
  public void addStrategy(String project, String name, String environment, TenantRollout rollout) {
    calls.add("strategy " + name + " " + rollout.percentage());
    live(name).strategies.add(rollout);
  }

  @Override
  public void setEnabled(String project, String name, String environment, boolean enabled) {
    calls.add((enabled ? "on " : "off ") + name);
    Flag flag = live(name);
    // Like the real server: switching on a flag without strategies gives it a 100% rollout.
    if (enabled && flag.strategies.isEmpty()) {
      flag.strategies.add(TenantRollout.allTenants());
    }
    flag.enabled = enabled;
  }

  @Override
  public void archiveFlag(String project, String name) {
    calls.add("archive " + name);
    live(name).archived = true;
  }

  @Override
  public void reviveFlag(String name) {
    calls.add("revive " + name);
    Flag flag = flags.get(name);
    if (flag == null || !flag.archived) {
      throw new UnleashApiException("no archived flag " + name, 404);
    }
    flag.archived = false;
    flag.enabled = false;
  }

  private Flag live(String name) {
    Flag flag = flags.get(name);
    if (flag == null || flag.archived) {
      throw new UnleashApiException("Could not find feature flag with name " + name, 404);
    }
    return flag;
  }

  private List<ServerFlag> serverFlags(boolean archived) {
    List<ServerFlag> result = new ArrayList<>();
    flags.forEach((name, flag) -> {
      if (flag.archived == archived) {
        result.add(new ServerFlag(name, flag.type, flag.description, !flag.strategies.isEmpty()));
      }
    });
    return result;
  }
}

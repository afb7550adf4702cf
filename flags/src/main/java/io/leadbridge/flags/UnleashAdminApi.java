package io.leadbridge.flags;

import java.util.List;

/**
 * The few Unleash Admin API operations the sync needs, behind an interface so the sync's decisions
 * can be tested without a server. Implementations document their own thread-safety.
 */
public interface UnleashAdminApi {

  /** Fails with a clear message unless the project exists and the environment is enabled in it. */
  void verifyTarget(String project, String environment);

  /** The project's live (not archived) flags, with strategy presence for the environment. */
  List<ServerFlag> liveFlags(String project, String environment);

  /** The project's archived flags, with strategy presence for the environment. */
  List<ServerFlag> archivedFlags(String project, String environment);

  /** Creates a flag (no strategies, every environment off). */
  void createFlag(String project, String name, FlagType type, String description);

  /** Sets a live flag's type and description. */
  void updateFlag(String project, String name, FlagType type, String description);

  /** Adds a flexibleRollout strategy to the flag in the environment. */
  void addStrategy(String project, String name, String environment, TenantRollout rollout);

  /** Switches the flag's environment on or off. */
  void setEnabled(String project, String name, String environment, boolean enabled);

  /** Moves a flag to the archive: clients stop seeing it, and it can be revived. */
  void archiveFlag(String project, String name);

  /** Brings an archived flag back to its project, with its old strategies and every environment off. */
  void reviveFlag(String name);
}

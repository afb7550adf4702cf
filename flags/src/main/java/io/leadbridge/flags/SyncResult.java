package io.leadbridge.flags;

import java.util.List;

/**
 * What one {@link FlagSync#apply} call changed on the server, by flag name. Immutable and
 * thread-safe.
 */
public record SyncResult(
    List<String> created,
    List<String> revived,
    List<String> updated,
    List<String> setUp,
    List<String> archived) {

  public SyncResult {
    created = List.copyOf(created);
    revived = List.copyOf(revived);
    updated = List.copyOf(updated);
    setUp = List.copyOf(setUp);
    archived = List.copyOf(archived);
  }

  /** Whether the call changed anything. */
  public boolean changedAnything() {
    return !(created.isEmpty() && revived.isEmpty() && updated.isEmpty() && setUp.isEmpty()
        && archived.isEmpty());
  }

  /** One line such as "created 2, revived 0, updated 1, set up 0, archived 0". */
  public String summary() {
    return "created " + created.size() + ", revived " + revived.size() + ", updated " + updated.size()
        + ", set up " + setUp.size() + ", archived " + archived.size();
  }
}

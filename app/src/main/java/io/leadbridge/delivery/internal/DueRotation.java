package io.leadbridge.delivery.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which due integrations the dispatcher looks at next: the due list is read a page at a time in
 * integration-id order from where the last page ended, wrapping round at the end, so every due
 * integration is looked at within (due integrations ÷ page size) looks however many of them are
 * blocked; and inside a page tenants take turns (each tenant's first integration, then each one's
 * second...), so a tenant with many integrations does not go first with all of them. Confined to
 * the dispatcher's thread.
 */
final class DueRotation {

  /** Reads due integrations with an id greater than {@code after}, in id order, at most {@code limit}. */
  @FunctionalInterface
  interface DuePage {
    List<DueIntegration> after(UUID after, int limit);
  }

  /** Before every id in the databases' order (they compare UUIDs as unsigned bytes). */
  static final UUID START = new UUID(0, 0);

  private final int pageSize;
  private UUID after = START;

  DueRotation(int pageSize) {
    this.pageSize = pageSize;
  }

  /** The next page, tenants interleaved. */
  List<DueIntegration> next(DuePage page) {
    List<DueIntegration> due = page.after(after, pageSize);
    if (due.size() < pageSize) {
      // The end of the due list: the next page starts at its beginning; fill this one from there.
      List<DueIntegration> wrapped = new ArrayList<>(due);
      if (!after.equals(START)) {
        UUID first = due.isEmpty() ? null : due.get(0).integrationId();
        for (DueIntegration more : page.after(START, pageSize - due.size())) {
          if (more.integrationId().equals(first)) {
            break;
          }
          wrapped.add(more);
        }
      }
      after = START;
      return interleaved(wrapped);
    }
    after = due.get(due.size() - 1).integrationId();
    return interleaved(due);
  }

  private static List<DueIntegration> interleaved(List<DueIntegration> page) {
    Map<UUID, List<DueIntegration>> byTenant = new LinkedHashMap<>();
    for (DueIntegration integration : page) {
      byTenant.computeIfAbsent(integration.tenantId(), t -> new ArrayList<>()).add(integration);
    }
    List<DueIntegration> turns = new ArrayList<>(page.size());
    for (int turn = 0; turns.size() < page.size(); turn++) {
      for (List<DueIntegration> tenant : byTenant.values()) {
        if (turn < tenant.size()) {
          turns.add(tenant.get(turn));
        }
      }
    }
    return turns;
  }
}

package io.leadbridge.testing;

import io.leadbridge.storage.SqlTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** What the hubs stored, read straight from their database: leads and the outbox's deliveries; stateless. */
public final class Outbox {

  private Outbox() {}

  /** How many deliveries have each status. */
  public static Map<String, Integer> statusCounts(Jdbi jdbi) {
    return countsBy(jdbi, "status");
  }

  /**
   * How many deliveries have each value of a column of {@code deliveries} (a name from the test's
   * own code, e.g. {@code last_error_code} or {@code attempts}); null counts as "none".
   */
  public static Map<String, Integer> countsBy(Jdbi jdbi, String column) {
    Map<String, Integer> counts = new TreeMap<>();
    jdbi.useHandle(h -> h.createQuery("SELECT " + column + " AS v, COUNT(*) AS n FROM deliveries GROUP BY " + column)
        .map((rs, ctx) -> Map.entry(rs.getString("v") == null ? "none" : rs.getString("v"), rs.getInt("n")))
        .forEach(e -> counts.put(e.getKey(), e.getValue())));
    return counts;
  }

  /** Deliveries still to be made or being made. */
  public static int unfinished(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery(
        "SELECT COUNT(*) FROM deliveries WHERE status IN ('pending', 'retrying', 'in_flight')").mapTo(Integer.class).one());
  }

  public static int inFlight(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries WHERE status = 'in_flight'")
        .mapTo(Integer.class).one());
  }

  /** In-flight deliveries whose lease ran out (by the database's clock): work nobody will finish unless reclaimed. */
  public static int inFlightPastLease(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery(
        "SELECT COUNT(*) FROM deliveries WHERE status = 'in_flight' AND lease_until < CURRENT_TIMESTAMP")
        .mapTo(Integer.class).one());
  }

  /** Waits until no delivery is pending, retrying or in flight. */
  public static void awaitSettled(Jdbi jdbi, Duration timeout) {
    Poll.until("every delivery settled (none pending, retrying or in flight); now " + statusCounts(jdbi), timeout,
        () -> unfinished(jdbi) == 0);
  }

  /** The ids of every stored lead. */
  public static Set<String> leadIds(Jdbi jdbi) {
    return new HashSet<>(jdbi.withHandle(h -> h.createQuery("SELECT id FROM leads").mapTo(String.class).list()));
  }

  /** Leads whose delivery was claimed more than once: it carries the error that made it due again. */
  public static Set<String> leadIdsClaimedAgain(Jdbi jdbi) {
    return new HashSet<>(jdbi.withHandle(h -> h.createQuery(
        "SELECT lead_id FROM deliveries WHERE last_error_code IS NOT NULL").mapTo(String.class).list()));
  }

  /** When each lead was stored, by lead id. */
  public static Map<String, Instant> storedAt(Jdbi jdbi) {
    Map<String, Instant> times = new HashMap<>();
    jdbi.useHandle(h -> h.createQuery("SELECT id, created_at FROM leads")
        .map((rs, ctx) -> Map.entry(rs.getString("id"), SqlTimes.instant(rs, "created_at")))
        .forEach(e -> times.put(e.getKey(), e.getValue())));
    return times;
  }

  /** The remote (vendor) id each lead's delivery recorded, by lead id. */
  public static Map<String, String> remoteIds(Jdbi jdbi) {
    Map<String, String> ids = new HashMap<>();
    jdbi.useHandle(h -> h.createQuery("SELECT lead_id, remote_id FROM deliveries")
        .map((rs, ctx) -> Map.entry(rs.getString("lead_id"), String.valueOf(rs.getString("remote_id"))))
        .forEach(e -> ids.put(e.getKey(), e.getValue())));
    return ids;
  }
}

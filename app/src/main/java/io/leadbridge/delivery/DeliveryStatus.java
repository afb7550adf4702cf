package io.leadbridge.delivery;

import java.util.Locale;

/**
 * Where a delivery of a lead to one integration stands; the API and the database use the lower-case
 * name. The delivery module owns it with the {@code deliveries} table; others see the names only.
 */
public enum DeliveryStatus {
  /** Waiting for its first attempt. */
  PENDING,
  /** Leased by a worker that is sending it now. */
  IN_FLIGHT,
  /** The vendor has the lead. */
  DELIVERED,
  /** Failed in a way that may pass later; waits for its next attempt. */
  RETRYING,
  /** Kept, not sent: the connector is switched off for the tenant or the integration is paused. */
  HELD,
  /** Failed for good: a dead letter an operator may replay. */
  DEAD,
  /** Moved to the tenant's manual queue. */
  MANUAL,
  /** Not to be sent, e.g. because its integration was removed. */
  SKIPPED;

  /** The name in the API and in the {@code deliveries.status} column. */
  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status stored as {@code column}. */
  public static DeliveryStatus fromColumn(String column) {
    return valueOf(column.toUpperCase(Locale.ROOT));
  }
}

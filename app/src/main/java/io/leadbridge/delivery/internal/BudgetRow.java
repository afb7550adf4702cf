package io.leadbridge.delivery.internal;

import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.http.RateLimitScope;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One vendor account's budget apart from its send log, as the {@code vendor_budgets} row holds
 * it: the window and its limit (the connector's, or the vendor's own once its headers said it),
 * the daily count with its reset time, and a pause the vendor asked for. Mutable; not thread-safe
 * (used under the account's lock).
 */
final class BudgetRow {

  Duration window;
  int profileLimit;
  /** The vendor's own limit per window, once its headers said one; 0 until then. */
  int reportedLimit;
  /** Calls per day, or 0 for no daily cap. */
  long dayLimit;
  ZoneId dayZone;
  long dayUsed;
  Instant dayResetsAt;
  Instant pausedUntil;
  RateLimitScope pauseScope;

  /** A budget for an account first called with this profile. */
  static BudgetRow of(RateLimitProfile profile) {
    BudgetRow row = new BudgetRow();
    row.follow(profile);
    return row;
  }

  /** Takes a changed profile (a new plugin version); what the vendor said is kept. */
  void follow(RateLimitProfile profile) {
    window = profile.window();
    profileLimit = profile.permits();
    dayLimit = profile.dailyCap().orElse(0);
    ZoneId zone = profile.dailyResetZone().orElse(null);
    if (zone == null || !zone.equals(dayZone)) {
      dayResetsAt = null;
    }
    dayZone = zone;
  }

  /** Whether this row was made from the profile (or follows it already). */
  boolean follows(RateLimitProfile profile) {
    return window.equals(profile.window()) && profileLimit == profile.permits()
        && dayLimit == profile.dailyCap().orElse(0) && Objects.equals(dayZone, profile.dailyResetZone().orElse(null));
  }

  /** The calls allowed per window now. */
  int limit() {
    return reportedLimit > 0 ? reportedLimit : profileLimit;
  }
}

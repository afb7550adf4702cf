package io.leadbridge.simulators.hubspot;

/** HubSpot's private-app rate-limit tiers (VENDOR-API-FACTS §1.6), so a portal can be set up like a real account. Immutable. */
public enum RateLimitTier {
  FREE_STARTER(100, 250_000),
  PROFESSIONAL(190, 650_000),
  ENTERPRISE(190, 1_000_000),
  /** Enterprise with one API Limit Increase pack: burst 250/10 s, +1,000,000/day. */
  ENTERPRISE_WITH_LIMIT_INCREASE(250, 2_000_000);

  private final int tenSecondLimit;
  private final long dailyLimit;

  RateLimitTier(int tenSecondLimit, long dailyLimit) {
    this.tenSecondLimit = tenSecondLimit;
    this.dailyLimit = dailyLimit;
  }

  public int tenSecondLimit() {
    return tenSecondLimit;
  }

  public long dailyLimit() {
    return dailyLimit;
  }

  /** The tier a CLI's {@code --tier 100|190|250} means. */
  public static RateLimitTier forTenSecondLimit(int tenSecondLimit) {
    switch (tenSecondLimit) {
      case 100:
        return FREE_STARTER;
      case 190:
        return PROFESSIONAL;
      case 250:
        return ENTERPRISE_WITH_LIMIT_INCREASE;
      default:
        throw new IllegalArgumentException("HubSpot tiers allow 100, 190 or 250 requests per 10 s, not " + tenSecondLimit);
    }
  }
}

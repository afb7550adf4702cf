package io.leadbridge.flags;

/**
 * A flexibleRollout strategy over tenants: the percentage of tenants that see the flag, sticky per
 * tenant because the hub puts the tenant id in {@code userId}. Immutable and thread-safe.
 *
 * @param percentage share of tenants for whom the flag is on, 0 to 100
 */
public record TenantRollout(int percentage) {

  /** Unleash strategy name; flexibleRollout is what product managers widen in the UI. */
  public static final String STRATEGY_NAME = "flexibleRollout";

  /** The hub evaluates flags with the tenant id as {@code userId}, so this keeps a tenant's answer stable. */
  public static final String STICKINESS = "userId";

  public TenantRollout {
    if (percentage < 0 || percentage > 100) {
      throw new InvalidFlagDefinitionException("rollout percentage must be 0..100, got " + percentage);
    }
  }

  /** On for every tenant. */
  public static TenantRollout allTenants() {
    return new TenantRollout(100);
  }

  /** Off for every tenant until someone widens it: the safe start on a real server. */
  public static TenantRollout noTenants() {
    return new TenantRollout(0);
  }

  @Override
  public String toString() {
    return STRATEGY_NAME + " " + percentage + "% by " + STICKINESS;
  }
}
